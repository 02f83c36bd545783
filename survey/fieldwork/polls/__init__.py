"""Live polls (*peilingen*): results per option as answers come in, small cells hidden, the presenter screen
and the short link people open on their phones."""
