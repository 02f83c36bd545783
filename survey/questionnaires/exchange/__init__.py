"""A whole questionnaire in and out: the JSON file, the spreadsheet both ways, the upload checks, the codebook, and
their routes.
"""
