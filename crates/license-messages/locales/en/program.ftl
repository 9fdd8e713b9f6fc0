### The licensed program's own errors (the `license` command, the library).

program-already_applied = TOO_OLD: this response code has already been applied (update { $to_counter }); the licence is at update { $counter }
    .title = Already applied
    .next = Nothing to do: the update is installed. Check `license status`.
    .next-user = Nothing to do: the update is installed.
program-no_license = no licence file at { $path }
    .title = No licence
    .next = Run `license init --serial SERIAL --product PRODUCT` first, or point --license-file (LICENSE_FILE) at the licence file.
    .next-user = Register the program with the serial number from the purchase confirmation first.
program-license_exists = a licence file already exists at { $path }
    .title = A licence exists
    .next = Use the existing licence (license status), or choose another --license-file.
    .next-user = The program is already registered on this computer: use its licence as it is.
program-corrupt_license = the licence file { $path } cannot be read: { $reason }
    .title = Unreadable licence file
    .next = Restore the licence file from a backup, or contact support with your serial number.
program-copied_license = the licence file { $path } was made on another machine
    .title = A licence from another machine
    .next = A licence is bound to the computer it was installed on. Install with your serial number on this computer (license init) and activate it there.
    .next-user = A licence is bound to the computer it was installed on. Register the program on this computer with your serial number and activate it here.
program-tampered_license = the licence file { $path } does not match the signed response it holds: { $reason ->
        [no_response] it claims updates but holds no response code
        [unreadable] its response code does not read
        [another_installation] its response code is for another installation
        [signature] its response code's signature does not verify
        [ledger] its seat ledger or the latest time it has seen was edited
       *[differs] its counter or entitlements differ from its response code
    }
    .title = A changed licence file
    .next = Restore the licence file from a backup, or make a request code on a fresh installation and contact support.
program-no_trust = no trusted vendor keys: { $reason }
    .title = No vendor keys
    .next = Pass --trust KEYFILE or set LICENSE_TRUST to the vendor's trust file (its public keys and products).
    .next-user = The program is installed incompletely: reinstall it, or contact the vendor's support.
program-unknown_product = unknown product '{ $product }'
    .title = Unknown product
    .next = Give the product's number, or a name listed in the trust file.
    .next-user = The program is installed incompletely: reinstall it, or contact the vendor's support.
program-server_refused = the licence server refused the request: { $detail }
    .title = Refused by the licence server
    .next = { $next_step }
program-server_unreachable = the licence server at { $url } could not be reached: { $reason }
    .title = No connection to the licence server
    .next = Check the internet connection and the server address; or use `license create-code` and submit the code on the licence portal from any device.
    .next-user = Check the internet connection; or choose Create Code and submit the code on the vendor's licence page from any device.
program-io = { $context }: { $reason }
    .title = A file could not be read or written
    .next = Check that the path exists and is writable, then try again.
program-released = this licence was released on { $on }: this computer gave its place back (release code { $code })
    .title = Released
    .next = Make a new request code on the new computer: install the program there with your serial number (license init), then license create-code. `license release` shows the release code again.
    .next-user = Install the program on the new computer, register it with your serial number and activate it there. The release code is shown again when you release once more.
program-nothing_to_release = this installation never received a response (it is at update 0): there is nothing to release, and it takes no place on the licence
    .title = Nothing to release
    .next = Nothing to do: install on the new computer with your serial number (license init) and activate it there.
    .next-user = Nothing to do: install the program on the new computer, register it with your serial number and activate it there.
program-unreadable_image = the image { $path } cannot be read: { $reason }
    .title = The image cannot be read
    .next = Give a PNG or JPEG photo or screenshot of the response code's QR code, or type the response code instead.
program-no_qr_code = no QR code could be read in the image
    .title = No QR code found
    .next = Take the picture again with the whole QR code in view, sharp and without glare, or type the response code instead.
program-several_qr_codes = the image holds { $count } QR codes, and only one can be the response
    .title = Several QR codes
    .next = Take a picture of the response code's QR code alone, or type the response code instead.

program-no_seat_left = all { $count } seats of { $entitlement } are taken ({ $used } held)
    .title = No seat left
    .next = Release a seat a client no longer uses (license seats release), or buy more: make a request code (license create-code) and submit it on the licence portal; the new count applies at once.
    .next-user = Free a seat a client no longer uses, or buy more: choose Create Code and submit the code on the vendor's licence page; the new count applies at once.
program-unknown_entitlement = the licence has no count named '{ $entitlement }' to hold seats of (its counts: { $counts })
    .title = No such count
    .next = Name one of the licence's count entitlements, as the trust file names them.
    .next-user = The program asks for seats the licence does not count: contact the vendor's support.
program-bad_holder = the seat holder's name is not usable: { $reason }
    .title = Unusable holder name
    .next = Give each client a name of 1 to 200 characters without control characters, the same every time it claims.
    .next-user = Contact the vendor's support: the program names its clients in a way the licence cannot keep.
program-clock_behind = the computer's clock says { $now }, but this licence has already seen { $latest_seen }: the clock is more than 48 hours behind
    .title = The clock is behind
    .next = Set the computer's clock right (date, time and time zone), then try again.

## How the command prints an error (the two lines after a failure).

program-report-error = error: { $meaning }
    next step: { $next_step }
