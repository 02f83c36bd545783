"""Pages of the site itself: home, health check, house style, accessibility statement, errors."""
