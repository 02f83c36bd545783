"""Every WTForms class of the platform, by stage. Forms validate; they never write."""

from forms.uploads import install_formdata_rule

install_formdata_rule()
