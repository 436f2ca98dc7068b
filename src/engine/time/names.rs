//! English month and weekday names, and the AM/PM markers.

#[rustfmt::skip]
pub(super) const MONTHS: [(&str, u32); 24] = [
    ("January", 1), ("February", 2), ("March", 3), ("April", 4), ("May", 5), ("June", 6),
    ("July", 7), ("August", 8), ("September", 9), ("October", 10), ("November", 11),
    ("December", 12),
    ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("May", 5), ("Jun", 6),
    ("Jul", 7), ("Aug", 8), ("Sep", 9), ("Oct", 10), ("Nov", 11), ("Dec", 12),
];

/// Weekday names carry no value, because the parser only checks them.
#[rustfmt::skip]
pub(super) const WEEKDAYS: [(&str, ()); 14] = [
    ("Monday", ()), ("Tuesday", ()), ("Wednesday", ()), ("Thursday", ()), ("Friday", ()),
    ("Saturday", ()), ("Sunday", ()),
    ("Mon", ()), ("Tue", ()), ("Wed", ()), ("Thu", ()), ("Fri", ()), ("Sat", ()), ("Sun", ()),
];

/// Markers and whether each means PM.
pub(super) const AM_PM: [(&str, bool); 2] = [("AM", false), ("PM", true)];
