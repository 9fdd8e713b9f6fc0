### The words of the support console (/console/): signing in, Find and
### what it finds, a licence, and the admin's tools. Staff read them; the
### customer's page and the decode page do not carry them. Role names
### (admin, support), audit actions (license.language) and channels in the
### API stay as they are: they are what the API, the command line and the
### logs say.

## Signing in and out

console-title = Licence console
console-loading = Loading…
console-sign-in-lead = For the vendor's support and sales staff.
console-email = Email
console-password = Password
console-sign-in = Sign in
console-signing-in = Signing in…
console-sign-out = Sign out
console-who = { $email } ({ $role })
console-set-password-heading = Set your password
console-set-password-lead = This link works once. Choose a password of at least 10 characters.
console-new-password = New password
console-password-again = The same again
console-passwords-differ = The two passwords differ.
console-set-password = Set password
console-password-set = Your password is set.

## Find and what it finds

console-find = Find
console-finding = Finding…
console-find-empty = Paste a serial number, a request or response code, or a contact's email.
console-find-incomplete = { $complete ->
        [one] 1 group complete
       *[other] { $complete } groups complete
    }. Keep typing.
console-find-whole = A whole { $kind ->
        [serial] serial number
        [response] response code
        [release] release code
       *[request] request code
    }: press Find.
console-find-in-text = Found { $kind ->
        [serial] a serial number
       *[request] a request code
    } in the text: { $code }. Press Find to look it up.
console-contact-none = No licence has { $email } as its contact. Check the spelling, or ask the customer for the serial number (the lost-serial page mails it to the address on file).
console-find-email = An email address: press Find to list that contact's licences.
console-every-field = Every field of the code
console-request-heading = Request code from installation { $key_id }
console-not-bound = Not bound to this licence yet: a new installation, which takes one of the licence's places.
console-released-on = Released on { $date }: the licence no longer counts it, and it gets no more updates.
console-bound-since = Bound since { $date }.
console-holds-nothing = Holds nothing yet (update 0).
console-holds = Holds update { $counter }: { $entitlements }.
console-claims = Claims update { $counter }, which this licence never had.
console-diverged = Its entitlements differ from what was issued at that update: the licence on that computer was changed, or has diverged. Check with the customer before answering.
console-waiting = Update { $counter } is waiting for it.
console-holds-since = The code was made holding update { $counter }; update { $sent } has been sent to this installation since.
console-answered-now = Answered: the response below gives update { $to } ({ $changes }). Send it to the customer, or they can submit the code on the portal and get the same response.
console-answer-again = Show its response again
console-response-for-customer = The response code for the customer
console-answered-before = It was answered before: submitting it gets the same response again (update { $from } → { $to }: { $changes }).
console-would-give = Submitting it would give update { $to }: { $changes }.
console-nothing-changes = nothing changes
console-page-would-say = The customer's page would say: { $title }
console-answer = Answer this code for the customer
console-answering = Answering…
console-response-heading = Response code
console-response-unknown = This server did not issue this response code: it is not in any licence's history.
console-response-issued = Issued on { $date } through the { $channel ->
        [portal] customer's page
        [online] program's Get it now
        [console] console
       *[mail] mailbox (a request code by mail)
    } by { $actor }, bringing installation { $key_id } from update { $from } to { $to }. { $latest ->
        [yes] It is still the newest response for that installation.
       *[no] A newer response was issued to that installation since.
    }
console-release-heading = Release code from installation { $key_id }
console-release-never = This licence never bound that installation: the release code frees nothing.
console-released-by = Released on { $date } by { $actor }.
console-released-by-staff = Released on { $date } by staff.
console-still-bound = Still bound: submitting the release code on the customer's page frees its place (within the licence's transfer limit); an admin can release it here without limit.
console-contact-heading = Licences of this contact
console-contact-licence = { $product }: { $bound } of { $max } installations, update { $counter }

## A licence

console-licence-heading = { $product } licence { $serial }
console-contact = Contact
console-installations = Installations
console-installations-used = { $bound } of { $max } used
console-latest-update = Latest update
console-created = Created
console-entitlements-now = Entitlements now
console-updates = Updates
console-update = Update { $counter }
console-update-by = on { $date } by { $actor }: { $changes }
console-flag = { $on ->
        [yes] yes
       *[no] no
    }
console-no-value = none
console-key-id = Key id
console-bound = Bound
console-last-sent = Last update sent
console-status = Status
console-actions = Actions
console-installation-released = released { $date }
console-installation-waiting = an update is waiting
console-installation-up-to-date = up to date
console-no-installations = None yet: no computer has been activated.
console-responses-issued = Responses issued
console-mail-off = This server does not send mail (started without --smtp-url), so responses cannot be sent to the contact from here.
console-when = When
console-channel = Channel
console-by = By
console-update-column = Update
console-codes-column = Request and response codes
console-channel-name = { $channel ->
        [portal] portal
        [online] online
        [console] console
       *[mail] mail
    }
console-codes = Codes
console-request-code = Request code
console-response-code = Response code
console-none-yet = None yet.
console-audit-log = Audit log
console-who-column = Who
console-what = What
console-detail = Detail
console-nothing-yet = Nothing yet.
console-release = Release
console-release-label = Release { $key_id }
console-release-confirm = Release installation { $key_id } of licence { $serial }? It frees a place, and that computer gets no more updates. This cannot be undone.
console-released = Installation { $key_id } is released: its place is free.
console-send = Send to contact
console-send-label = Send to contact: the response for update { $counter }
console-sent = The response for update { $counter } is on its way to { $to }.

## The admin's tools

console-admin-tools = Admin tools
console-admins-only = { $action ->
        [webhooks] Only admins can manage webhooks.
        [remind] Only admins can send a reminder.
        [create] Only admins can create a licence.
        [queue] Only admins can queue an upgrade.
        [release] Only admins can release an installation.
       *[staff] Only admins can add or disable staff.
    }
console-queue-heading = Queue an upgrade
console-upgrade-note = Note (for the history, e.g. the order number)
console-queue = Queue upgrade
console-queued = Update { $counter } is queued: installations get it with their next request.
console-save-contact = Save address
console-reseller = Reseller
console-reseller-none = None (the vendor's own)
console-reseller-field = Reseller (its email; empty: the vendor's own)
console-save-reseller = Save reseller
console-reseller-changed = The licence now belongs to { $reseller }.
console-reseller-none-now = The licence is now the vendor's own.
console-contact-changed = Mail for this licence now goes to { $email }.
console-mail-language = Language of the contact's mail
console-save-language = Save language
console-mail-language-changed = Mail to { $email } is now in { $language ->
        [fr] French
        [de] German
       *[en] English
    }.
console-create-heading = Create a licence
console-product = Product
console-contact-email = Technical contact's email
console-installations-allowed = Installations allowed
console-create = Create licence
console-licence-created = Licence { $serial } is created.
console-registration-code = Registration code
console-registration-none = none: any program that knows the serial can register
console-registration-new = New registration code
console-registration-confirm = Make a new registration code? Registering a new computer will need the new one; computers already registered are not affected. Send it to the contact.
console-registration-changed = The new registration code is { $code }. Registering a new computer needs it from now on.
console-licence-created-code = Licence { $serial } is created. Its registration code, which the program asks for once, is { $code }.
console-staff = Staff
console-staff-members = Staff members
console-role = Role
console-state = State
console-staff-disabled = disabled { $date }
console-staff-link-sent = link sent, no password yet
console-staff-active = active
console-disable = Disable
console-disable-label = Disable { $email }
console-disable-confirm = Disable { $email }? Their sessions end at once and they can no longer sign in.
console-role-support = support: finds codes and answers them
console-role-admin = admin: also creates licences, queues upgrades, releases, manages staff
console-role-reseller = reseller: creates and serves licences of its products, sees only its own
console-reseller-products = Its products (names, comma-separated)
console-add-staff = Add staff member
console-staff-added = Send { $email } this link: it sets their password, once, within 72 hours.
console-new-link = New link
console-new-link-label = New set-password link for { $email }
console-enable = Enable
console-enable-label = Enable { $email } again
console-link-path-only = This server has no --public-url, so the link is the path only: put the server's address in front of it before sending it.

## Remind now, mail and webhooks

console-remind = Remind now
console-remind-help = No installation has fetched update { $counter } yet: mail the contact a reminder (what changes, the two ways to get it).
console-reminded = A reminder is on its way to { $to }.
console-mail = Mail
console-mail-sent = { $sent ->
        [one] 1 message sent.
       *[other] { $sent } messages sent.
    }
console-mail-waiting = Waiting
console-mail-failed = Failed
console-mail-dropped = Dropped by mail-in (last 7 days)
console-mail-reason = Why
console-mail-to = To
console-mail-from = From
console-mail-attempts = Attempts
console-mail-refresh = Refresh
console-webhooks = Webhooks
console-webhooks-lead = The vendor's other systems (a shop, a CRM) receive what happens here, signed (Standard Webhooks) and retried for three days.
console-webhook-url = URL
console-webhook-events = Events
console-webhook-description = Description (optional)
console-webhook-add = Add webhook
console-webhook-added = Webhook { $id } is added. Give its receiver this secret to verify signatures: it is shown only now.
console-webhook-rotated = Webhook { $id } has a new secret; it signs every delivery from now on. It is shown only now.
console-webhook-removed = Webhook { $id } is removed.
console-webhook-counts = { $waiting } waiting, { $failed } failed
console-webhook-deliveries = Deliveries
console-webhook-deliveries-of = Deliveries to { $url }
console-webhook-rotate = New secret
console-webhook-remove = Remove
console-webhook-remove-confirm = Remove the webhook to { $url }? What waits for it is not sent.
console-webhook-none = No webhooks yet.
console-webhook-send-again = Send again
console-webhook-sent-again = Delivery { $id } is sent again now.
console-webhook-state = { $state ->
        [delivered] delivered
        [failed] failed
       *[waiting] waiting
    }

## The dashboard (the console's home)

console-dashboard = Dashboard
console-dashboard-period = Period
console-dashboard-days = Last { $days } days
console-chart-issuances = { $bucket ->
        [week] Responses issued per week, by channel
       *[day] Responses issued per day, by channel
    }
console-chart-installations = { $bucket ->
        [week] Installations bound and released per week
       *[day] Installations bound and released per day
    }
console-series-bound = bound
console-series-released = released
console-chart-numbers = The numbers as a table
console-chart-day = Day (UTC)
console-chart-week = Week from (UTC)
console-total = Total
console-waiting-heading = Upgrades sold but not fetched
console-age-under-7 = Under 7 days
console-age-7-to-30 = 7 to 30 days
console-age-over-30 = Over 30 days
console-nothing-waiting = Every upgrade has been fetched.
console-licence = Licence
console-waiting-what = Waiting
console-waiting-update = Update { $counter } (installations hold { $fetched })
console-since = Since
console-remind-label = Remind now: the contact of { $serial }
console-outbox-heading = Mail and webhooks
console-mail-summary = Mail: { $waiting } waiting, { $failed } failed.
console-webhook-summary = Webhook { $url }: { $waiting } waiting, { $failed } failed.
console-no-webhooks = No webhook endpoint.
console-near-limit-heading = Near their installation limit
console-none-near-limit = No licence is near its installation limit.
console-places = { $bound } of { $max }

## The audit log in words

console-audit-detail = { $action ->
        [response-issue] Update { $from } → { $to } for installation { $key_id }, through the { $channel } (signed with key { $signing_key }).
        [license-create] { $product } for { $email }, up to { $max } installations; update 1: { $entitlements }. { $registration ->
            [true] With a registration code.
           *[false] No registration code.
        }
        [upgrade-queue] Update { $counter }: { $changes }. Note: { $note }
        [installation-release] Installation { $key_id } released { $channel ->
            [customer] by the customer, with a release code.
           *[other] by staff.
        }
        [mail-remind] The contact was reminded of update { $counter }.
        [mail-resend] The response was sent again to { $to }.
        [license-contact-email] Contact changed from { $old } to { $new }.
        [license-language] The contact's mail is now in { $language }.
       *[license-registration-code] A new registration code was made; the old one no longer works.
    }
