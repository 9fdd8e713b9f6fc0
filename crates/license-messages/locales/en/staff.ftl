### The problems only the admin API and the console meet (the customer's
### page never does, so its bundle does not carry these words).

problem-invalid_input = { $reason }
    .title = Invalid input
    .next = Correct the input and try again.
problem-unauthorized = { $cause ->
        [sign_in] the email address or the password is wrong
        [session] the console's session has ended: it was signed out, left idle for 30 minutes, reached 12 hours, or the account was disabled
        [setup] this link to set a password is not valid: it was used, it expired, or it was mistyped
       *[token] missing or invalid bearer token
    }
    .title = { $cause ->
        [sign_in] Not signed in
        [session] Signed out
        [setup] Link not valid
       *[token] Unauthorized
    }
    .next = { $cause ->
        [sign_in] Check the email address and the password, then sign in again.
        [session] Sign in again.
        [setup] Ask an admin for a new link (Staff in the console, or license-server staff add).
       *[token] Send Authorization: Bearer <token> (create one with `license-server token create`), or sign in to the console.
    }
problem-forbidden = { $cause ->
        [cross_origin] a change from another site ({ $origin }) with the console's session is refused
       *[role] the { $role } role may not do this; it needs the admin role
    }
    .title = Forbidden
    .next = { $cause ->
        [cross_origin] Make changes from the console itself, not from another site.
       *[role] Ask an admin, or use an account or token with the admin role.
    }
problem-not_found = { $what } was not found
    .title = Not found
    .next = Check the identifier.
problem-conflict = { $what }
    .title = Conflict
    .next = Use another identifier, or change the existing one.
problem-method_not_allowed = { $what }
    .title = Method not allowed
    .next = Use one of the methods in the Allow header; the API's document (/api/openapi.json) lists every operation.
problem-mail_off = this server does not send mail: it was started without --smtp-url
    .title = Mail is off
    .next = Start the server with --smtp-url and --mail-from (docs/server.md, Mail), or give the customer the response code another way.
problem-idempotency_key_reused = this Idempotency-Key was sent within the last 24 hours with another request
    .title = Idempotency key reused
    .next = Send the first request again as it was to get its answer, or use a new key for a new request.
