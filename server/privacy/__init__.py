"""Personal data as an employer must handle it: access and portability (export), erasure,
retention, transparency for the works council, privacy settings and consent."""
