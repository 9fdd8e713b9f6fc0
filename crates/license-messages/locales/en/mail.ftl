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

## When a licence is created: the purchase confirmation with the serial
## number, to the technical contact ("a confirmation email containing your
## serial number and the number of Client licences you purchased").

mail-license-subject = Your { $product } licence: serial number { $serial }
mail-license-intro = Thank you for your purchase. Your { $product } licence is ready.
mail-license-serial = Serial number: { $serial }
mail-license-registration-code = Registration code: { $code } (the program asks for it once, with the serial number, when it is first registered on a computer; keep it with the serial number and give it to no one else)
mail-license-installations = It may be installed on { $max ->
        [one] 1 computer
       *[other] { $max } computers
    }.
mail-license-bought = What you bought:
mail-license-keep = Keep this serial number in a safe place: the program asks for it when you register, and support asks for it when you write to us.
mail-license-register = To register: install the program and enter the serial number, then choose Help → Registration Info → Retrieve a waiting License Upgrade. If the computer has Internet access, click Get it now. If it has not, click Create Code, submit the code at { $portal } from any device, or send it by mail to this address, then enter the response code with Enter Code.

## When an upgrade is queued ("when advised that your purchase is ready").

mail-upgrade-subject = Your upgrade for { $product } (licence { $serial }) is ready
mail-upgrade-intro = The upgrade you ordered for { $product }, licence { $serial }, is ready.
mail-upgrade-how = To install it, in the program choose Help → Registration Info → Retrieve a waiting License Upgrade:
mail-upgrade-online = If the computer has Internet access, click Get it now: the upgrade is installed at once, nothing else to do.
mail-upgrade-offline = If it has not, click Create Code, submit the code at { $portal } from any device, or send it by mail to this address, then enter the response code with Enter Code. The upgrade is installed at once, no restart needed.
mail-portal-unknown = our licence page
mail-contact-footer = You receive this because you are the technical contact on file for licence { $serial }.

## A reminder: an upgrade no installation has fetched after some days.

mail-reminder-subject = Reminder: your upgrade for { $product } (licence { $serial }) is waiting
mail-reminder-intro = A reminder: the upgrade for { $product }, licence { $serial }, has been ready since { $since }, and no computer has fetched it yet.

# The answer to "Lost your serial number?" (POST /api/v1/serials/lookup).
mail-lost-subject = Your serial { $count ->
    [one] number
   *[other] numbers
}
mail-lost-intro = Someone, probably you, asked for the serial numbers of the licences this address is the technical contact for. { $count ->
    [one] Here it is:
   *[other] Here they are:
}
mail-lost-line = { $product }: { $serial }
mail-lost-line-code = { $product }: { $serial }, registration code { $code }
mail-lost-ignore = If you did not ask, you can ignore this message: it went only to this address, and nothing has changed.
mail-lost-footer = You receive this because this address is the technical contact on file for these licences.
