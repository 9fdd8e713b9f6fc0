### The words of the customer's page: headings, labels, buttons and status
### lines, and what the support pages share with it. Sentences, shown as
### they are.

## The customer's page (code.html)

ui-code-title = Licence upgrade: enter your request code
ui-code-heading = Get your licence upgrade
ui-code-lead = Enter the request code your program made (Create Code). You get back a response code to enter in the program.
ui-request-label = Request code
ui-request-help = The code from Create Code in your program. Spaces, dashes, line breaks and upper or lower case do not matter.
ui-request-file = Open Step_1_Code.TXT
ui-status-empty = Type or paste the request code, or open the file Step_1_Code.TXT.
ui-status-incomplete = { $complete } of { $total } groups complete. Keep typing.
ui-status-valid = The code is complete and correct. You can submit it.
ui-status-release-incomplete = A release code: { $complete } of { $total } groups complete. Keep typing.
ui-file-unreadable = { $file } could not be read. Open it in a text editor and paste the code here.
ui-file-too-large = { $file } is { $size } KB, too large to be a request code file. Choose Step_1_Code.TXT, the file Create Code saved (a few lines of text).
ui-submit = Submit code
ui-sending = Sending…
ui-decode-link = Support: decode a code
ui-lost-link = Lost your serial number?
ui-language = Language
ui-checking-signature = Checking the response's signature…
ui-what-to-do = What to do:
ui-try-again = Try again
ui-response-heading = Your response code
ui-already-issued = Already issued on { $date }: this is the same response code as before.
ui-mailed-to = A copy went by email to the technical contact on file, { $to }.
ui-verified = Signed by the vendor (key { $key_id }) and checked on this device.
ui-changes-heading = What changes
ui-no-changes = Nothing changes: the program gets the latest state.
ui-response-label = Response code
ui-copy = Copy
ui-save = Save to file
ui-copied = Copied.
ui-copy-refused = Copying is not allowed here: select the code and copy it, or use Save to file.
ui-saved = Saved as Step_2_Response_Code.TXT in your downloads.
ui-save-refused = This browser did not save the file: use Copy, or select the code and copy it.
ui-qr-label = QR code of the response code
ui-qr-caption = Scan it with the program's camera, or show it to the computer's webcam.
ui-enter-in-program = In the program: Help → Registration Info → Retrieve a waiting License Upgrade → Enter Code. The upgrade is installed at once, no restart needed.
ui-released-heading = Licence released
ui-not-found = Page not found
ui-enter-request = Enter a request code
