### The "Lost your serial number?" page (/lost.html).

lost-title = Numéro de série perdu ?
lost-lead = Saisissez l'adresse e-mail avec laquelle vos licences ont été achetées (celle du contact technique). Si elle est enregistrée, nous y envoyons les numéros de série, et seulement à elle.
lost-email-label = Adresse e-mail
lost-submit = Envoyer mes numéros de série
lost-sending = Envoi…
lost-sent = Si { $email } est le contact technique de licences, leurs numéros de série lui sont envoyés. Consultez cette boîte, et son dossier de courrier indésirable, d'ici quelques minutes.
lost-not-email = Ce n'est pas une adresse e-mail. Vérifiez-la, par exemple it@entreprise.example.
lost-limited = Trop de demandes pour le moment. Réessayez dans une heure.
lost-failed = La demande n'a pas pu être envoyée. Vérifiez la connexion et réessayez ; si cela échoue encore, écrivez au support.
lost-back = Revenir à la saisie d'un code de demande
