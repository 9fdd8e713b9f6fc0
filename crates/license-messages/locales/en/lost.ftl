### The "Lost your serial number?" page (/lost.html): a form that asks the
### server to mail a contact the serial numbers on file for it.

lost-title = Lost your serial number?
lost-lead = Enter the email address your licences were bought with (the technical contact's). If it is on file, we send the serial numbers to that address, and only there.
lost-email-label = Email address
lost-submit = Send my serial numbers
lost-sending = Sending…
lost-sent = If { $email } is the technical contact of licences, their serial numbers are on their way to it. Look in that mailbox, and in its spam folder, in a few minutes.
lost-not-email = This is not an email address. Check it, for example it@company.example.
lost-limited = Too many requests for now. Try again in an hour.
lost-failed = The request could not be sent. Check the connection and try again; if it keeps failing, write to support.
lost-back = Back to entering a request code
