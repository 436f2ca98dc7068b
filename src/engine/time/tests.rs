use chrono::{DateTime, FixedOffset, Utc};

use super::{TimeContext, TimeFormat};

/// Returns a context for 2024 in UTC, without the previous-year rule.
fn context() -> TimeContext {
    TimeContext::fixed(2024, FixedOffset::east_opt(0).unwrap())
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

/// Parses `text` with `format` in [`context`].
fn parse(format: &str, text: &str) -> Result<DateTime<Utc>, String> {
    let format = TimeFormat::parse(format).map_err(|error| error.to_string())?;
    format.parse_time(text, &context()).map_err(|error| error.to_string())
}

fn parse_ok(format: &str, text: &str) -> DateTime<Utc> {
    parse(format, text).unwrap_or_else(|error| panic!("{error}"))
}

fn format_error_position(format: &str) -> usize {
    TimeFormat::parse(format).expect_err("format is rejected").position
}

fn text_error_position(format: &str, text: &str) -> usize {
    let format = TimeFormat::parse(format).unwrap();
    format
        .parse_time(text, &context())
        .expect_err("text is rejected")
        .position
}

#[test]
fn year_letters_parse() {
    assert_eq!(parse_ok("yyyy-MM-dd", "2023-02-03"), utc("2023-02-03T00:00:00Z"));
    assert_eq!(parse_ok("y-M-d", "987-2-3"), utc("0987-02-03T00:00:00Z"));
    assert_eq!(parse_ok("yy-MM-dd", "23-02-03"), utc("2023-02-03T00:00:00Z"));
}

#[test]
fn two_digit_year_uses_century_window() {
    assert_eq!(parse_ok("yy-MM-dd", "44-01-01"), utc("2044-01-01T00:00:00Z"));
    assert_eq!(parse_ok("yy-MM-dd", "45-01-01"), utc("1945-01-01T00:00:00Z"));
    assert_eq!(parse_ok("yy-MM-dd", "99-01-01"), utc("1999-01-01T00:00:00Z"));
}

#[test]
fn month_letters_parse() {
    assert_eq!(parse_ok("yyyy MM dd", "2024 07 04"), utc("2024-07-04T00:00:00Z"));
    assert_eq!(parse_ok("yyyy M d", "2024 7 4"), utc("2024-07-04T00:00:00Z"));
    assert_eq!(parse_ok("yyyy M d", "2024 11 4"), utc("2024-11-04T00:00:00Z"));
    assert_eq!(parse_ok("yyyy MMM dd", "2024 Jul 04"), utc("2024-07-04T00:00:00Z"));
    assert_eq!(parse_ok("yyyy MMM dd", "2024 jUL 04"), utc("2024-07-04T00:00:00Z"));
    assert_eq!(
        parse_ok("yyyy MMMM dd", "2024 September 04"),
        utc("2024-09-04T00:00:00Z")
    );
    assert_eq!(
        parse_ok("yyyy MMM dd", "2024 September 04"),
        utc("2024-09-04T00:00:00Z")
    );
}

#[test]
fn day_letters_parse() {
    assert_eq!(parse_ok("yyyy-MM-dd", "2024-03-09"), utc("2024-03-09T00:00:00Z"));
    assert_eq!(parse_ok("yyyy-MM-d", "2024-03-9"), utc("2024-03-09T00:00:00Z"));
    assert_eq!(
        parse_ok("MMM dd HH:mm:ss", "Mar  9 01:02:03"),
        utc("2024-03-09T01:02:03Z")
    );
}

#[test]
fn hour_letters_parse() {
    assert_eq!(parse_ok("yyyy-MM-dd HH", "2024-03-09 17"), utc("2024-03-09T17:00:00Z"));
    assert_eq!(parse_ok("yyyy-MM-dd H", "2024-03-09 7"), utc("2024-03-09T07:00:00Z"));
    assert_eq!(
        parse_ok("yyyy-MM-dd hh a", "2024-03-09 05 PM"),
        utc("2024-03-09T17:00:00Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd h a", "2024-03-09 5 pm"),
        utc("2024-03-09T17:00:00Z")
    );
    assert_eq!(parse_ok("yyyy-MM-dd hh", "2024-03-09 05"), utc("2024-03-09T05:00:00Z"));
}

#[test]
fn am_pm_letter_handles_twelve() {
    assert_eq!(
        parse_ok("yyyy-MM-dd hh:mm a", "2024-03-09 12:30 AM"),
        utc("2024-03-09T00:30:00Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd hh:mm a", "2024-03-09 12:30 PM"),
        utc("2024-03-09T12:30:00Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd hh:mm a", "2024-03-09 01:30 AM"),
        utc("2024-03-09T01:30:00Z")
    );
}

#[test]
fn minute_second_fraction_letters_parse() {
    let format = "yyyy-MM-dd HH:mm:ss.SSS";
    assert_eq!(
        parse_ok(format, "2024-03-09 10:11:12.345"),
        utc("2024-03-09T10:11:12.345Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd HH:m:s", "2024-03-09 10:1:2"),
        utc("2024-03-09T10:01:02Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd HH:mm:ss,S", "2024-03-09 10:11:12,5"),
        utc("2024-03-09T10:11:12.5Z")
    );
    let micros = "yyyy-MM-dd HH:mm:ss.SSSSSS";
    assert_eq!(
        parse_ok(micros, "2024-03-09 10:11:12.000123"),
        utc("2024-03-09T10:11:12.000123Z")
    );
    assert!(parse(format, "2024-03-09 10:11:12.34").is_err());
}

#[test]
fn weekday_letter_read_and_ignored() {
    let format = "EEE, dd MMM yyyy HH:mm:ss";
    assert_eq!(
        parse_ok(format, "Sat, 09 Mar 2024 10:00:00"),
        utc("2024-03-09T10:00:00Z")
    );
    assert_eq!(
        parse_ok(format, "Monday, 09 Mar 2024 10:00:00"),
        utc("2024-03-09T10:00:00Z")
    );
    assert_eq!(
        parse_ok("EEEE dd MMM yyyy", "sun 09 Mar 2024"),
        utc("2024-03-09T00:00:00Z")
    );
    assert!(parse(format, "Xyz, 09 Mar 2024 10:00:00").is_err());
}

#[test]
fn rfc822_zone_letter_parses() {
    let format = "yyyy-MM-dd HH:mm Z";
    assert_eq!(parse_ok(format, "2024-03-09 10:00 +0000"), utc("2024-03-09T10:00:00Z"));
    assert_eq!(parse_ok(format, "2024-03-09 10:00 +0130"), utc("2024-03-09T08:30:00Z"));
    assert_eq!(parse_ok(format, "2024-03-09 10:00 -0800"), utc("2024-03-09T18:00:00Z"));
    assert_eq!(parse_ok(format, "2024-03-09 10:00 -08:00"), utc("2024-03-09T18:00:00Z"));
    assert!(parse(format, "2024-03-09 10:00 +01").is_err());
}

#[test]
fn iso_zone_letters_parse() {
    let base = "2024-03-09 10:00 ";
    assert_eq!(
        parse_ok("yyyy-MM-dd HH:mm X", &format!("{base}Z")),
        utc("2024-03-09T10:00:00Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd HH:mm X", &format!("{base}+01")),
        utc("2024-03-09T09:00:00Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd HH:mm X", &format!("{base}+0130")),
        utc("2024-03-09T08:30:00Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd HH:mm XX", &format!("{base}-0100")),
        utc("2024-03-09T11:00:00Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd HH:mm XXX", &format!("{base}+01:00")),
        utc("2024-03-09T09:00:00Z")
    );
    assert_eq!(
        parse_ok("yyyy-MM-dd HH:mm XXX", &format!("{base}Z")),
        utc("2024-03-09T10:00:00Z")
    );
    assert!(parse("yyyy-MM-dd HH:mm XX", &format!("{base}+01")).is_err());
    assert!(parse("yyyy-MM-dd HH:mm XXX", &format!("{base}+0100")).is_err());
}

#[test]
fn zone_name_letter_parses() {
    let format = "yyyy-MM-dd HH:mm z";
    for (name, expected) in [
        ("UTC", "2024-03-09T10:00:00Z"),
        ("GMT", "2024-03-09T10:00:00Z"),
        ("PST", "2024-03-09T18:00:00Z"),
        ("pdt", "2024-03-09T17:00:00Z"),
        ("CEST", "2024-03-09T08:00:00Z"),
        ("IST", "2024-03-09T04:30:00Z"),
        ("GMT+01:00", "2024-03-09T09:00:00Z"),
        ("UTC-5", "2024-03-09T15:00:00Z"),
    ] {
        let text = format!("2024-03-09 10:00 {name}");
        assert_eq!(parse_ok(format, &text), utc(expected), "{name}");
    }
    assert!(parse(format, "2024-03-09 10:00 XYZ").is_err());
}

#[test]
fn quoted_literals_parse() {
    let format = "yyyy-MM-dd'T'HH:mm:ss";
    assert_eq!(parse_ok(format, "2024-03-09T10:11:12"), utc("2024-03-09T10:11:12Z"));
    assert_eq!(
        parse_ok("dd MMM yyyy 'at' HH''mm", "09 Mar 2024 at 10'11"),
        utc("2024-03-09T10:11:00Z")
    );
    assert_eq!(
        parse_ok("'it''s' yyyy-MM-dd", "it's 2024-03-09"),
        utc("2024-03-09T00:00:00Z")
    );
}

#[test]
fn adjacent_numbers_take_fixed_width() {
    assert_eq!(
        parse_ok("yyyyMMddHHmmss", "20240309101112"),
        utc("2024-03-09T10:11:12Z")
    );
    assert_eq!(parse_ok("yyMMdd", "240309"), utc("2024-03-09T00:00:00Z"));
    assert_eq!(parse_ok("yyyyMMdd", "2024039"), utc("2024-03-09T00:00:00Z"));
    assert!(parse("yyyyMMdd", "2024309").is_err());
}

#[test]
fn epoch_keywords_parse() {
    assert_eq!(parse_ok("epoch", "1700000000"), utc("2023-11-14T22:13:20Z"));
    assert_eq!(parse_ok("epoch", "1700000000.25"), utc("2023-11-14T22:13:20.25Z"));
    assert_eq!(parse_ok("epoch", "-1.5"), utc("1969-12-31T23:59:58.5Z"));
    assert_eq!(
        parse_ok("epoch_millis", "1700000000123"),
        utc("2023-11-14T22:13:20.123Z")
    );
    assert_eq!(parse_ok("epoch_millis", "-1"), utc("1969-12-31T23:59:59.999Z"));
    assert!(parse("epoch", "17e8").is_err());
    assert!(parse("epoch_millis", "1.5").is_err());
}

#[test]
fn iso8601_keyword_parses() {
    let cases = [
        ("2024-03-09T10:11:12Z", "2024-03-09T10:11:12Z"),
        ("2024-03-09T10:11:12.5+01:00", "2024-03-09T09:11:12.5Z"),
        ("2024-03-09 10:11:12,250-0130", "2024-03-09T11:41:12.25Z"),
        ("2024-03-09T10:11+02", "2024-03-09T08:11:00Z"),
        ("2024-03-09T10:11:12", "2024-03-09T10:11:12Z"),
        ("2024-03-09", "2024-03-09T00:00:00Z"),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_ok("iso8601", text), utc(expected), "{text}");
    }
    assert!(parse("iso8601", "2024-03-09X10:11").is_err());
}

#[test]
fn missing_zone_uses_context_zone() {
    let format = TimeFormat::parse("yyyy-MM-dd HH:mm").unwrap();
    let context = TimeContext::fixed(2024, FixedOffset::east_opt(2 * 3600).unwrap());
    let time = format.parse_time("2024-03-09 10:00", &context).unwrap();
    assert_eq!(time, utc("2024-03-09T08:00:00Z"));
}

#[test]
fn missing_year_uses_context_year() {
    let format = TimeFormat::parse("MMM dd HH:mm:ss").unwrap();
    let fixed = TimeContext::fixed(2019, FixedOffset::east_opt(0).unwrap());
    assert_eq!(
        format.parse_time("Dec 31 23:00:00", &fixed).unwrap(),
        utc("2019-12-31T23:00:00Z")
    );
}

#[test]
fn context_new_rolls_back_future_dates() {
    let format = TimeFormat::parse("MMM dd HH:mm:ss").unwrap();
    let context = TimeContext::new(utc("2024-01-01T00:30:00Z"));
    assert_eq!(context.default_year, 2024);
    assert_eq!(
        format.parse_time("Dec 31 23:50:00", &context).unwrap(),
        utc("2023-12-31T23:50:00Z")
    );
    assert_eq!(
        format.parse_time("Jan 01 00:10:00", &context).unwrap(),
        utc("2024-01-01T00:10:00Z")
    );
    assert_eq!(
        format.parse_time("Jan 02 00:20:00", &context).unwrap(),
        utc("2024-01-02T00:20:00Z")
    );
    assert_eq!(
        format.parse_time("Jan 02 00:40:00", &context).unwrap(),
        utc("2023-01-02T00:40:00Z")
    );
}

#[test]
fn context_new_keeps_explicit_year() {
    let format = TimeFormat::parse("yyyy MMM dd").unwrap();
    let context = TimeContext::new(utc("2024-01-01T00:00:00Z"));
    assert_eq!(
        format.parse_time("2024 Dec 31", &context).unwrap(),
        utc("2024-12-31T00:00:00Z")
    );
}

#[test]
fn invalid_format_reports_letter_position() {
    assert_eq!(format_error_position("yyyy-MM-dd kk:mm"), 11);
    assert_eq!(format_error_position("yyyy-MM-dd'T"), 10);
    assert_eq!(format_error_position("yyyyy-MM-dd"), 0);
    assert_eq!(format_error_position("yyyy-MM-dd HH:mm XXXX"), 17);
    assert_eq!(format_error_position("HH:mm:ss"), 0);
    let error = TimeFormat::parse("yyyy-MM-dd kk").unwrap_err();
    assert!(error.message.contains("'k'"), "{error}");
}

#[test]
fn mismatched_text_reports_position() {
    assert_eq!(text_error_position("yyyy-MM-dd", "2024-13-01"), 5);
    assert_eq!(text_error_position("yyyy-MM-dd", "2024/03/01"), 4);
    assert_eq!(text_error_position("yyyy-MM-dd", "2024-03-01 extra"), 10);
    assert_eq!(text_error_position("yyyy-MM-dd HH:mm", "2024-03-01 24:00"), 11);
    assert_eq!(text_error_position("yyyy-MM-dd", "2023-02-29"), 0);
    let message = parse("yyyy-MM-dd", "2023-02-29").unwrap_err();
    assert!(message.contains("does not exist"), "{message}");
}

#[test]
fn week_year_letter_suggests_year() {
    let error = TimeFormat::parse("YYYY-MM-dd").expect_err("format is rejected");
    assert_eq!(
        error.to_string(),
        "invalid time format \"YYYY-MM-dd\" at offset 0: pattern letter 'Y' (week year) is not supported; \
         use 'yyyy' for the calendar year"
    );
}

#[test]
fn unknown_letters_named_plainly() {
    let cases = [
        (
            "yyyy-MM-dd Q",
            "pattern letter 'Q' (quarter) is not supported; quote it as in 'T' if it is literal text",
        ),
        (
            "yyyy-MM-D",
            "pattern letter 'D' (day in year) is not supported; use 'MM' and 'dd' for the month and day",
        ),
        (
            "MM-dd u",
            "pattern letter 'u' (day number of week) is not supported; use 'EEE' for the day name",
        ),
        (
            "MM-ddTHH",
            "'T' is not a pattern letter; quote literal letters as in 'T'",
        ),
    ];
    for (format, message) in cases {
        let error = TimeFormat::parse(format).expect_err("format is rejected");
        assert_eq!(error.message, message, "{format}");
    }
}
