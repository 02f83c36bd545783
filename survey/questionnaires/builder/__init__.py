"""The builder page: question form data to and from the document, edits of sections and questions, what the page
shows, feedback to the author, warnings about meaning changes, and its routes.
"""
