"""E-mail: a durable outbox written with the change that causes a mail, and the worker that
sends it over SMTP (or, without SMTP_URL, prints it and keeps it for /dev/mails)."""
