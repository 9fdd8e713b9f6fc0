### The words of the support pages: the decode page, its table of fields
### (the console shows it too) and the console's Find. Sentences, shown
### as they are.

## The decode page (support)

support-decode-title = Decode a licence code
support-decode-heading = Decode a code
support-decode-lead = For support: every field of a serial number, request code or response code. Decoding happens in this browser; nothing is sent.
support-decode-code = Code
support-decode-answers = The request code it answers (optional: checks a response's signature)
support-decode-empty = Paste a serial number, request code or response code.
support-decode-failed = This code does not decode
support-decode-groups = Groups as read
support-decoded-fields = Decoded fields
support-field-kind = Kind
support-field-serial = Serial number
support-field-serial-number = Serial, as a number
support-field-product = Product
support-field-key-id = Key id (installation)
support-field-key-id-released = Key id (installation released)
support-field-counter = Update counter held
support-field-digest = Entitlement digest
support-field-created = Created
support-field-proof = Proof
support-field-for-installation = For installation
support-field-update = Update
support-field-issued = Issued
support-field-signed-with = Signed with
support-field-signature = Signature
support-kind-format = { $kind ->
        [serial] Serial number
        [response] Response code
        [release] Release code
       *[request] Request code
    } (format { $version })
support-unknown-product = { $id } (unknown product)
support-proof = { $proof } (the server checks it against the response that installation holds)
support-key-id-starting = key id starting { $tag }
support-vendor-key = vendor key { $key_id }{ $trusted ->
        [yes] {" "}(trusted)
        [no] {" "}(NOT a key of this vendor)
       *[unknown] {""}
    }
support-signature-no-keys = Not checked: the vendor keys are not loaded.
support-signature-no-request = Not checked: paste the request code it answers below.
support-signature-verified = Verified for serial { $serial } and key id { $key_id }.
support-signature-other-installation = Does not match: that request code is from key id { $key_id }, this response is for a key id starting { $tag }.
support-signature-failed = Does not verify: { $reason }.

## The support console's Find

support-find-label = Find
support-find-help = What the customer sent: a serial number, a request code, a response code, or their email address.
support-find-file = Open a code file
