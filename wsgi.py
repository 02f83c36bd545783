from survey import create_app

app = create_app()
