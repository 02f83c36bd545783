"""What happens in the projects: progress reports on the programme's schedule with their reminders, qualitative
statements, and the routes.
"""
