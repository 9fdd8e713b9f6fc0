### Reading a code (docs/codes.md §7), and why a genuine response does not
### apply to an installation. Values are fragments ("group 4 has a typo"):
### the command line prints them after "error: ", the page as a sentence.
### Arguments: $kind, $expected and $found are serial, request or response.

code-empty = no code was entered
    .title = No code
    .next = Type or paste the code.
code-invalid_character = character { $position } (in group { $group }) is '{ $character }', which is not used in codes
    .title = A character that is not in codes
    .next = Codes use only digits and the letters A-Z without I, L, O and U; compare group { $group } with the original.
code-bad_group = group { $group } has a typo
    .title = The code has a typo
    .next = Compare group { $group } with the original character by character, or copy and paste the code instead of typing it.
    .next-customer = Compare the highlighted group with the code the program shows, or use Save to File in the program and open Step_1_Code.TXT here.
code-groups_swapped = groups { $first } and { $second } are in each other's place
    .title = Two groups are swapped
    .next = Exchange groups { $first } and { $second }, or copy the code again from the original.
code-missing_group = a group is missing at group { $group }
    .title = A group is missing
    .next = Type the group that belongs before group { $group }; the original has one more group.
code-extra_group = group { $group } is one group too many
    .title = One group too many
    .next = Remove group { $group } (it is not in the original), or copy the code again.
code-truncated = the code is cut short: { $found_groups } complete { $found_groups ->
        [one] group
       *[other] groups
    }, { $kind ->
        [serial] a serial number
        [request] a request code
        [response] a response code
        [release] a release code
       *[none] a code
    } needs at least { $expected_groups }
    .title = The code is cut short
    .next = Copy the whole code: the end is missing.
code-too_long = the code is too long: { $found_groups } groups, { $kind ->
        [serial] a serial number
        [request] a request code
        [response] a response code
        [release] a release code
       *[none] a code
    } has at most { $max_groups }
    .title = The code is too long
    .next = Enter only one code, with nothing added after it.
code-wrong_kind = this is { $found ->
        [serial] a serial number
        [response] a response code
        [release] a release code
       *[request] a request code
    }, not { $expected ->
        [serial] a serial number
        [response] a response code
        [release] a release code
       *[request] a request code
    }
    .title = A code of another kind
    .next = { $found ->
        [response] This is the answer from the licence portal: enter it into the program (Enter Code), not here.
        [serial] This is a serial number: install the program with it, then use its Create Code button to make a request code.
        [release] This is a release code: it gives a computer's place on the licence back. Submit it on the licence portal, or send it to support.
       *[request] { $expected ->
            [response] This is the code this program made. Submit it on the vendor's licence portal; enter the response code the portal gives you.
            [serial] Enter a serial number instead.
            [release] Enter the release code the program made (Release licence) instead.
           *[request] Enter a request code instead.
        }
    }
code-unknown_version = this { $kind ->
        [serial] serial number
        [response] response code
        [release] release code
       *[request] request code
    } uses format version { $version }, which this program does not know
    .title = Unknown code format
    .next = Update the program, or ask support for a code in the format this version reads.
code-code_check_failed = the groups check out but the code as a whole does not: two typos in one group, or groups from different codes
    .title = The code does not check out
    .next = Copy the code again from the original rather than typing it; if it still fails, create a new code.
code-malformed = the { $kind ->
        [serial] serial number
        [response] response code
        [release] release code
       *[request] request code
    } is not well formed: { $reason ->
        [entitlements_short] the entitlements run past the end of the code
        [slots_out_of_order] entitlement slots are not in increasing order
        [not_shortest] an entitlement value is not written in its shortest form
        [padding] the bits after the signature are not zero
        [nothing_held] it names update 0, and an installation that never received a response has nothing to release
       *[counter_not_advancing] the update counter does not advance
    }
    .title = The code is not well formed
    .next = Copy the code again from the original; if it still fails, contact support with the code.
code-bad_signature = the response code's signature does not verify: it was changed, mistyped, or not made for this installation
    .title = The signature does not verify
    .next = Check that this response code answers this installation's latest request code (Create Code) and copy it again; if it still fails, send the request code to support.
code-unknown_signing_key = the response code was signed with vendor key { $key_id }, which this program does not trust
    .title = Signed by an unknown vendor key
    .next = Update the program so it knows the vendor's current keys, or contact support.
code-another_product = this response code is for product { $found }, but this licence is for product { $expected }
    .title = A response for another product
    .next = Enter this code in the program it was made for, or ask for a response code for this product's request code.
code-another_installation = KEYID_NOT_FOUND: this response code was made for another installation (key id starting { $found }), not this one ({ $expected })
    .title = A response for another installation
    .next = Enter it on the computer whose request code it answers, or make a request code here (Create Code) and submit that.
code-too_old = TOO_OLD: a newer update is already installed (this code brings update { $to_counter }; the licence is at update { $counter })
    .title = An older response
    .next = Nothing to do: a newer update is installed. If something is missing, make a new request code (Create Code) and submit it.
code-too_new = TOO_NEW: this response code continues from update { $from_counter }, but the licence is at update { $counter }: an earlier update is missing
    .title = An earlier update is missing
    .next = Enter the earlier response codes first, in order; or make a new request code (Create Code) and submit it for one response that brings every update.
