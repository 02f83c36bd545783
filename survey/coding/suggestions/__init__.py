"""What the machine suggests: the theme and sentiment models and their runs, the kind of remark, new themes
from the uncoded remainder, the threshold curve, and the screens for them."""
