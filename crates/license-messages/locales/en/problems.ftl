### The licence server's problem documents (docs/server.md, "Errors"): the
### `title`, `detail` and `next_step` of each `code`. The page shows the
### -customer wording where an entry has it.

problem-malformed_code = the request code is damaged
    .title = The request code has a typo
    .title-customer = The code has a typo
    .next = Compare the code with the original, or copy and paste it instead of typing it.
    .next-customer = Compare the highlighted group with the code the program shows, or use Save to File in the program and open Step_1_Code.TXT here.
problem-wrong_kind = this is { $found_kind ->
        [serial] a serial number
        [response] a response code
        [release] a release code
       *[request] a request code
    }, not { $expected_kind ->
        [release] a release code
       *[request] a request code
    }
    .title = Not a request code
    .title-customer = This is not a request code
    .next = { $found_kind ->
        [response] This is the answer from the licence portal: enter it into the program (Enter Code), not here.
        [serial] This is a serial number: install the program with it, then use its Create Code button to make a request code.
        [release] This is a release code: submit it to give the computer's place back (POST /api/v1/releases).
       *[request] Enter a request code instead.
    }
    .next-customer = Enter the request code the program made with Create Code, or the release code it made when you moved it. A response code goes into the program, not here.
problem-unknown_version = this request code uses format version { $version }, which this server does not know
    .title = Unknown code format
    .title-customer = The program is newer than this page
    .next = Update the licence server, or create the code with a program version this server reads.
    .next-customer = Reload this page; if it persists, contact support with the code.
problem-unknown_serial = no licence has serial number { $serial }
    .customer = the licence server has no licence with the serial number in this code
    .title = Unknown serial number
    .next = Check the serial number in your purchase confirmation email; if it is right, contact support with your purchase details.
problem-wrong_product = serial number { $serial } is a licence for product { $licensed }, but the request code is from product { $requested }
    .title = Serial number of another product
    .next = Create the code in the program this serial number was bought for, or contact support.
problem-keyid_not_found = KEYID_NOT_FOUND: installation { $key_id } is not bound to licence { $serial }{ $released ->
        [yes] {" "}(it was released)
       *[no] {""}
    }
    .customer = the licence belongs to a different computer (KEYID_NOT_FOUND): installation { $key_id } is not bound to licence { $serial }{ $released ->
        [yes] {" "}(it was released)
       *[no] {""}
    }
    .title = Another installation
    .next = Create the code on the computer the licence is installed on. If you moved the licence to a new computer, ask support to release the old installation.
problem-installation_limit = licence { $serial } is already installed on { $max_installations ->
        [one] 1 computer
       *[other] { $max_installations } computers
    }, its limit
    .title = Installation limit reached
    .next = Release the computer it moves from: on that computer, run `license release` (or the program's Release licence) and submit the release code; then try again. Or buy another installation, or ask support to release a computer you no longer use.
    .next-user = If you are moving the program to a new computer: on the old one, use the program's Release licence and submit the release code; then try again. Or buy another installation, or ask support to release a computer you no longer use.
    .next-customer = If you are moving the program to a new computer: on the old one, use the program's Release licence, enter the release code it shows here, then submit this code again. Or ask support to release a computer you no longer use, or buy another installation.
problem-registration_required = licence { $serial } needs its registration code to register a new computer, and this request code was made { $given ->
        [yes] with a registration code that is not this licence's
       *[no] without one
    }
    .title = Registration code needed
    .next = Start the installation again with the serial number and the registration code from the purchase confirmation (`license init --serial SERIAL --registration-code CODE`), then create a new request code. Lost it? Ask for it at the portal's "Lost your serial number?", or ask support.
    .next-user = Register the program again with the serial number and the registration code from the purchase confirmation, then create a new code. Lost it? Ask for it at the licence page's "Lost your serial number?", or ask support.
    .next-customer = The program must be registered with the serial number and the registration code from the purchase confirmation email. Enter both in the program, create a new request code and submit it here. Lost the email? Use "Lost your serial number?" below: they are sent to the technical contact on file.
problem-release_proof_mismatch = this release code's proof does not match the response installation { $key_id } of licence { $serial } holds
    .title = Release code not accepted
    .next = Enter the release code exactly as the program showed it (license release prints it again); if it still fails, send it to support.
    .next-user = Enter the release code exactly as the program showed it; if it still fails, send it to support.
problem-transfer_limit = licence { $serial } has moved to another computer { $limit ->
        [one] once
       *[other] { $limit } times
    } in the last 365 days, its limit for releases by the customer
    .title = Too many moves
    .next = Ask support to release the old computer: they can, in the console or with `license-server license release`.
    .next-user = Send the release code to support: they can free the old computer's place for you.
    .next-customer = Contact support with this release code: they can free the old computer's place for you.
problem-up_to_date = this installation is up to date: it holds update { $counter }, the latest for licence { $serial }
    .customer = the program already has every upgrade for this licence
    .title = Nothing waiting
    .title-customer = Nothing is waiting
    .next = Nothing to do: the program already has every update. If you expected one, wait for the email saying your purchase is ready, then create a new code.
    .next-customer = Nothing to do. If you expected an upgrade, wait for the email saying your purchase is ready, then Create Code again.
problem-counter_not_issued = the request code says update { $counter }, which was never issued to this installation (the latest is { $latest })
    .title = Update never issued
    .title-customer = This code does not match the licence's history
    .next = Create a new code in the program and submit it; if this persists, send the code to support.
problem-entitlement_mismatch = the request code's entitlements do not match what was issued at update { $counter }: the licence was changed or has diverged
    .title = Licence does not match its history
    .title-customer = The licence on this computer differs from the vendor's records
    .next = Contact support and send them this request code: the licence on that computer differs from the vendor's records.
problem-rate_limited = too many requests; try again in { $retry_after } seconds
    .customer = the licence server asks to wait { $retry_after } seconds
    .title = Too many requests
    .title-customer = Too many attempts
    .next = Wait a moment, then submit again.
    .next-customer = Wait a moment, then press Submit code again.
problem-payload_too_large = the request body is larger than { $limit } bytes
    .title = Request too large
    .title-customer = The page sent something the server did not accept
    .next = Send only the request code.
    .next-customer = Reload the page and try again.
problem-unsupported_media_type = the request body must be JSON (Content-Type: application/json)
    .title = Unsupported media type
    .title-customer = The page sent something the server did not accept
    .next = Send a JSON body with Content-Type: application/json.
    .next-customer = Reload the page and try again.
problem-invalid_body = the request body is not valid: { $reason }
    .title = Invalid request body
    .title-customer = The page sent something the server did not accept
    .next = Send the fields this operation takes (see /api/openapi.json) and nothing else.
    .next-customer = Reload the page and try again.
problem-unavailable = the database is unavailable
    .title = Service unavailable
    .title-customer = The licence server is busy or down
    .next = Try again in a minute; if it persists, contact the vendor.
    .next-customer = Try again in a minute. Your code is kept here.
problem-internal = the server failed; the error was logged
    .title = Internal error
    .title-customer = The licence server failed
    .next = Try again in a minute; if it persists, contact the vendor.
    .next-customer = Try again in a minute; if it persists, contact support.
problem-unknown = { $detail }
    .title = The licence server refused the code
    .next = { $next_step }
