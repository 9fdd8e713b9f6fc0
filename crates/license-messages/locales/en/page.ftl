### What only the customer's page says about a request it made.

page-network = the code could not be sent: this device seems to be offline, or the server cannot be reached
    .title = No connection to the licence server
    .next = Check the internet connection, then press Submit code again. Your code is kept.
page-offline = this device is offline, so the code could not be sent
    .title = You are offline
    .next = Your code is kept: it is sent by itself as soon as the connection is back, or press Submit code again.
page-bad_answer = { $what }
    .title = Unexpected answer from the licence server
    .next = Try again in a minute; if it persists, contact support.
page-keys_failed = the vendor's keys could not be loaded ({ $reason }), so this page cannot confirm the response is genuine
    .title = The response could not be checked
    .next = Try again; the code is kept.
page-signature_failed = do not enter it: { $reason }
    .title = The response failed its signature check
    .next = Submit the code again; if it fails again, contact support with the request code.
page-starts_like = this starts like { $kind ->
        [serial] a serial number
        [response] a response code
        [release] a release code
       *[request] a request code
    } (request codes start with H)
page-release_recognised = This is a release code: submitting it frees the place of the computer the program ran on, so you can install it on another computer.
page-released = The old computer's place is free: licence { $serial } of { $product } now uses { $used } of { $allowed ->
        [one] 1 installation
       *[other] { $allowed } installations
    }.
page-already_released = That computer was already released on { $date }: licence { $serial } of { $product } uses { $used } of { $allowed ->
        [one] 1 installation
       *[other] { $allowed } installations
    }.
page-release_next = On the new computer: install { $product } with your serial number { $serial }, then use Create Code and enter the request code on this page.
