### The mail the licence server sends to a licence's technical contact.

mail-response-subject = Response code for { $product } (licence { $serial })
mail-response-intro = Here is the response code for { $product }, licence { $serial }.
mail-why-issued = It answers a request code submitted on { $channel ->
        [console] your behalf by our support team
       *[portal] the licence page
    }.
mail-why-resend = Our support team sent it to you again.
mail-why-mail_in = It answers the request code that came by mail.
mail-changes = What changes:
mail-no-changes = Nothing changes: the program gets the latest state.
mail-code-heading = Response code:
mail-enter = In the program: Help → Registration Info → Retrieve a waiting License Upgrade → Enter Code, then paste the code above, open the attached Step_2_Response_Code.TXT, or show the QR code to the computer's webcam. The upgrade is installed at once, no restart needed.
mail-request-heading = It answers this request code:
mail-qr-alt = QR code of the response code
mail-footer = You receive this because you are the technical contact on file for licence { $serial }. The code works only on the computer that made the request code, so it is no use to anyone else.

## A request code that came by mail and could not be answered: the notice
## goes to the licence's contact, never to the sender.

mail-notice-subject = Your request code for licence { $serial } could not be answered
mail-notice-intro = A message sent to our licensing address about licence { $serial } could not be answered: { $reason }.
mail-notice-next = What to do: { $next }
mail-notice-no-code = it has no complete request code in it
mail-notice-no-code-next = Send the request code again: in the program, Help → Registration Info → Create Code, then paste the whole code (eight groups, starting with H) into the message, or attach the saved Step_1_Code.TXT. You can also submit it on the licence page.
mail-notice-sender = The message came from { $sender }.
