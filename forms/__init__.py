"""Every WTForms class of the platform, by stage. Forms validate; they never write."""
