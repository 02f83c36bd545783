"""The programme monitor: reporting periods, where a target stands, and progress against targets."""
