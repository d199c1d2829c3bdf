<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AccessHistoryPage</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>%1 à %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>Vous</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Interrogation du service…</source>
        <translation>Asking the service…</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint. L'historique des accès de %1 n'est pas gardé sur cet ordinateur : réessayez une fois connecté.</source>
        <translation>The service could not be reached. %1's access history is not kept on this computer: try again once connected.</translation>
    </message>
    <message>
        <source>L'historique des accès n'a pas pu être chargé. Réessayez plus tard.</source>
        <translation>The access history could not be loaded. Try again later.</translation>
    </message>
    <message>
        <source>Historique des accès — dossier de %1</source>
        <translation>Access history — %1's dossier</translation>
    </message>
    <message>
        <source>Qui a ouvert le dossier de %1 ou modifié ses accès, quand, et si l'accès a été autorisé ou refusé. Ces informations viennent du service ; vous ne pouvez pas les modifier.</source>
        <translation>Who opened %1's dossier or changed its access, when, and whether access was allowed or refused. This comes from the service; you cannot change it.</translation>
    </message>
    <message>
        <source>Historique des accès</source>
        <translation>Access history</translation>
    </message>
    <message>
        <source>Qui a ouvert votre dossier ou modifié ses accès, quand, et si l'accès a été autorisé ou refusé. Ces informations viennent du service ; vous ne pouvez pas les modifier.</source>
        <translation>Who opened your record or changed its access, when, and whether access was allowed or refused. This information comes from the service; you cannot change it.</translation>
    </message>
    <message>
        <source>Pas encore chargé. « Actualiser » interroge le service.</source>
        <translation>Not loaded yet. "Refresh" asks the service.</translation>
    </message>
    <message>
        <source>Hors ligne : copie enregistrée le %1.</source>
        <translation>Offline: copy saved on %1.</translation>
    </message>
    <message>
        <source>À jour le %1.</source>
        <translation>Up to date on %1.</translation>
    </message>
    <message>
        <source>Tout le monde</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Professionnels de santé</source>
        <translation>Health professionals</translation>
    </message>
    <message>
        <source>Représentants légaux et aidants</source>
        <translation>Legal representatives and caregivers</translation>
    </message>
    <message>
        <source>Autres (service, assurance…)</source>
        <translation>Others (service, insurer…)</translation>
    </message>
    <message>
        <source>&amp;Qui :</source>
        <translation>&amp;Who:</translation>
    </message>
    <message>
        <source>N'afficher que les accès de ce type de personne.</source>
        <translation>Show only access by this kind of person.</translation>
    </message>
    <message>
        <source>&amp;Entre le</source>
        <translation>&amp;Between</translation>
    </message>
    <message>
        <source>Limiter aux dates</source>
        <translation>Limit to dates</translation>
    </message>
    <message>
        <source>N'afficher que les accès entre deux dates.</source>
        <translation>Show only access between two dates.</translation>
    </message>
    <message>
        <source>Premier jour</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Premier jour affiché, inclus.</source>
        <translation>First day shown, included.</translation>
    </message>
    <message>
        <source>Dernier jour</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Dernier jour affiché, inclus.</source>
        <translation>Last day shown, included.</translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Demander au service la dernière version.</source>
        <translation>Ask the service for the latest version.</translation>
    </message>
    <message>
        <source>Date de la copie</source>
        <translation>Date of the copy</translation>
    </message>
    <message>
        <source>Du plus récent au plus ancien.</source>
        <translation>Newest first.</translation>
    </message>
</context>
<context>
    <name>AccessSettingsPage</name>
    <message>
        <source>Professionnel</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>RPPS</source>
        <translation>RPPS</translation>
    </message>
    <message>
        <source>Accès</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Jusqu'au</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Bloqué</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Autorisé le %1</source>
        <translation>Authorised on %1</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint. Réessayez plus tard.</source>
        <translation>The service could not be reached. Try again later.</translation>
    </message>
    <message>
        <source>Saisissez le numéro RPPS du professionnel : 11 chiffres, sans espace.</source>
        <translation>Enter the professional's RPPS number: 11 digits, no spaces.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Autoriser ce professionnel ?</source>
        <translation>Authorise this professional?</translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 pourra ouvrir votre dossier.</source>
        <translation>The professional with RPPS %1 will be able to open your record.</translation>
    </message>
    <message>
        <source>Autoriser</source>
        <translation>Authorise</translation>
    </message>
    <message>
        <source>Bloquer ce professionnel ?</source>
        <translation>Block this professional?</translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 ne pourra plus rien voir de votre dossier. Il perd son autorisation et ses rôles (administrateur, médecin traitant).</source>
        <translation>The professional with RPPS %1 will no longer see anything in your record. They lose their authorisation and roles (administrator, regular doctor).</translation>
    </message>
    <message>
        <source>Bloquer</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Débloquer ce professionnel ?</source>
        <translation>Unblock this professional?</translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 ne sera plus bloqué, mais il ne sera pas autorisé pour autant : pour qu'il ouvre votre dossier, autorisez-le ensuite.</source>
        <translation>The professional with RPPS %1 will no longer be blocked, but will not be authorised either: to let them open your record, authorise them afterwards.</translation>
    </message>
    <message>
        <source>Débloquer</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <source>En cas d'urgence, aucun professionnel ne pourra plus ouvrir votre dossier.</source>
        <translation>In an emergency, no professional will be able to open your record any more.</translation>
    </message>
    <message>
        <source>Les accès en cas d'urgence seront ceux que vous avez cochés.</source>
        <translation>Emergency access will be as you ticked it.</translation>
    </message>
    <message>
        <source>Modifier l'accès en urgence ?</source>
        <translation>Change emergency access?</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Seul un professionnel autorisé peut être administrateur : autorisez-le.</source>
        <translation>Only an authorised professional can be an administrator: authorise them first.</translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 pourra gérer votre dossier comme administrateur.</source>
        <translation>The professional with RPPS %1 will be able to manage your record as administrator.</translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 ne sera plus administrateur ; il reste autorisé.</source>
        <translation>The professional with RPPS %1 will no longer be administrator; they stay authorised.</translation>
    </message>
    <message>
        <source>Administrateur</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Confirmer</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Les lit</source>
        <translation>Reads them</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>administrateur</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>consentement exprès (médecine du travail)</source>
        <translation>express consent (occupational health)</translation>
    </message>
    <message>
        <source>Retirer le consentement à la médecine du tra&amp;vail</source>
        <translation>Withdra&amp;w occupational health consent</translation>
    </message>
    <message>
        <source>Retirer le consentement à la médecine du travail</source>
        <translation>Withdraw occupational health consent</translation>
    </message>
    <message>
        <source>Le médecin du travail ne pourra plus ouvrir le dossier ; demande confirmation.</source>
        <translation>The occupational physician will no longer be able to open the dossier; asks for confirmation.</translation>
    </message>
    <message>
        <source>Autoriser la médecine du travail (consentement e&amp;xprès)</source>
        <translation>Allow occupational health (e&amp;xpress consent)</translation>
    </message>
    <message>
        <source>Autoriser la médecine du travail (consentement exprès)</source>
        <translation>Allow occupational health (express consent)</translation>
    </message>
    <message>
        <source>Pour un médecin du travail, une autorisation ne suffit pas : il lui faut votre consentement exprès. Demande confirmation.</source>
        <translation>For an occupational physician an authorisation is not enough: they need your express consent. Asks for confirmation.</translation>
    </message>
    <message>
        <source>%1, %2 (RPPS %3)</source>
        <translation>%1, %2 (RPPS %3)</translation>
    </message>
    <message>
        <source>%1 (RPPS %3)</source>
        <translation>%1 (RPPS %3)</translation>
    </message>
    <message>
        <source>%1 pourra ouvrir votre dossier.</source>
        <translation>%1 will be able to open your record.</translation>
    </message>
    <message>
        <source>Choisissez d'abord un professionnel autorisé dans la liste.</source>
        <translation>First choose an authorised professional in the list.</translation>
    </message>
    <message>
        <source>%1 (RPPS %2)</source>
        <translation>%1 (RPPS %2)</translation>
    </message>
    <message>
        <source>%1 ne pourra plus ouvrir votre dossier, dès maintenant, et perd ses rôles (administrateur). Ce qu'il y a déjà ajouté reste dans votre dossier. Il n'est pas bloqué : vous pourrez l'autoriser à nouveau.</source>
        <translation>%1 will no longer be able to open your record, from now on, and loses their roles (administrator). What they already added stays in your record. They are not blocked: you can authorise them again.</translation>
    </message>
    <message>
        <source>Retirer l'autorisation ?</source>
        <translation>Withdraw the authorisation?</translation>
    </message>
    <message>
        <source>Retirer l'autorisation</source>
        <translation>Withdraw authorisation</translation>
    </message>
    <message>
        <source>Après votre décès, vos proches (ayants droit) ne pourront pas accéder à votre dossier, même pour connaître la cause du décès ou faire valoir leurs droits.</source>
        <translation>After your death, your relatives (heirs) will not be able to access your record, not even to learn the cause of death or to assert their rights.</translation>
    </message>
    <message>
        <source>Après votre décès, vos proches (ayants droit) pourront demander l'accès à votre dossier dans les cas prévus par la loi.</source>
        <translation>After your death, your relatives (heirs) may request access to your record in the cases the law provides for.</translation>
    </message>
    <message>
        <source>Accès de vos proches après votre décès</source>
        <translation>Access by your relatives after your death</translation>
    </message>
    <message>
        <source>Accès et &amp;confidentialité</source>
        <translation>Access and &amp;privacy</translation>
    </message>
    <message>
        <source>&amp;Historique des accès</source>
        <translation>Access &amp;history</translation>
    </message>
    <message>
        <source>Ctrl+Tab passe d'un onglet à l'autre.</source>
        <translation>Ctrl+Tab moves from one tab to the other.</translation>
    </message>
    <message>
        <source>%1 ne pourra plus rien voir de votre dossier. Il perd son autorisation et ses rôles (administrateur, médecin traitant).</source>
        <translation>%1 will no longer see anything of your record, and loses their authorisation and roles (administrator, regular doctor).</translation>
    </message>
    <message>
        <source>%1 ne sera plus bloqué, mais il ne sera pas autorisé pour autant : pour qu'il ouvre votre dossier, autorisez-le ensuite.</source>
        <translation>%1 will no longer be blocked, but is not authorised either: to let them open your record, authorise them afterwards.</translation>
    </message>
    <message>
        <source>Le médecin du travail %1 ne pourra plus ouvrir votre dossier, dès maintenant. Ce qu'il y a déjà ajouté reste dans votre dossier.</source>
        <translation>The occupational physician %1 will no longer be able to open your dossier, from now on. What they already added stays in your dossier.</translation>
    </message>
    <message>
        <source>Retirer le consentement ?</source>
        <translation>Withdraw the consent?</translation>
    </message>
    <message>
        <source>Retirer le consentement</source>
        <translation>Withdraw the consent</translation>
    </message>
    <message>
        <source>Le médecin du travail %1 pourra ouvrir votre dossier. C'est votre consentement exprès : il est facultatif et vous pourrez le retirer à tout moment.</source>
        <translation>The occupational physician %1 will be able to open your dossier. This is your express consent: it is optional and you can withdraw it at any time.</translation>
    </message>
    <message>
        <source>Autoriser la médecine du travail ?</source>
        <translation>Allow occupational health?</translation>
    </message>
    <message>
        <source>Donner mon consentement</source>
        <translation>Give my consent</translation>
    </message>
    <message>
        <source>%1 pourra gérer votre dossier comme administrateur.</source>
        <translation>%1 will be able to manage your record as administrator.</translation>
    </message>
    <message>
        <source>%1 ne sera plus administrateur ; il reste autorisé.</source>
        <translation>%1 will no longer be administrator; they stay authorised.</translation>
    </message>
    <message>
        <source>%1 deviendra votre médecin traitant.</source>
        <translation>%1 will become your regular doctor (médecin traitant).</translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 deviendra votre médecin traitant.</source>
        <translation>The professional with RPPS %1 will become your regular doctor.</translation>
    </message>
    <message>
        <source>Vous n'aurez plus de médecin traitant dans votre dossier.</source>
        <translation>Your record will no longer name a regular doctor.</translation>
    </message>
    <message>
        <source>Médecin traitant</source>
        <translation>Regular doctor</translation>
    </message>
    <message>
        <source>Les nouveaux documents seront masqués aux professionnels jusqu'à ce que vous les démasquiez.</source>
        <translation>New documents will be hidden from professionals until you unhide them.</translation>
    </message>
    <message>
        <source>Les nouveaux documents seront visibles des professionnels autorisés.</source>
        <translation>New documents will be visible to authorised professionals.</translation>
    </message>
    <message>
        <source>Confidentialité des nouveaux documents</source>
        <translation>Privacy of new documents</translation>
    </message>
    <message>
        <source>Saisissez l'identifiant Carnet du proche aidant.</source>
        <translation>Enter the caregiver's Carnet identifier.</translation>
    </message>
    <message>
        <source>%1 pourra consulter votre dossier jusqu'au %2.</source>
        <translation>%1 will be able to see your record until %2.</translation>
    </message>
    <message>
        <source>Inviter un proche aidant ?</source>
        <translation>Invite a caregiver?</translation>
    </message>
    <message>
        <source>Inviter</source>
        <translation>Invite</translation>
    </message>
    <message>
        <source>Choisissez d'abord l'aidant dans la liste.</source>
        <translation>First choose the caregiver in the list.</translation>
    </message>
    <message>
        <source>%1 ne pourra plus consulter votre dossier, dès maintenant.</source>
        <translation>%1 will no longer be able to see your record, from now on.</translation>
    </message>
    <message>
        <source>Retirer ce proche aidant ?</source>
        <translation>Remove this caregiver?</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ne plus lui montrer mes &amp;messages</source>
        <translation>Stop showing them my &amp;messages</translation>
    </message>
    <message>
        <source>Lui montrer mes &amp;messages…</source>
        <translation>Show them my &amp;messages…</translation>
    </message>
    <message>
        <source>Ne plus lui montrer mes messages</source>
        <translation>Stop showing them my messages</translation>
    </message>
    <message>
        <source>Lui montrer mes messages</source>
        <translation>Show them my messages</translation>
    </message>
    <message>
        <source>Vos conversations avec les professionnels, en lecture seule. Demande confirmation.</source>
        <translation>Your conversations with professionals, read-only. Asks for confirmation.</translation>
    </message>
    <message>
        <source>%1 ne verra plus vos conversations avec les professionnels, dès maintenant.</source>
        <translation>%1 will no longer see your conversations with professionals, from now on.</translation>
    </message>
    <message>
        <source>Ne plus lui montrer vos messages ?</source>
        <translation>Stop showing them your messages?</translation>
    </message>
    <message>
        <source>Ne plus les montrer</source>
        <translation>Stop showing them</translation>
    </message>
    <message>
        <source>%1 pourra lire vos conversations avec les professionnels de santé, tant qu'il ou elle est votre proche aidant. Il ou elle ne pourra pas y répondre. Chaque lecture est inscrite dans votre historique des accès.</source>
        <translation>%1 will be able to read your conversations with health professionals, as long as they are your carer. They will not be able to reply. Each reading is recorded in your access history.</translation>
    </message>
    <message>
        <source>Lui montrer vos messages ?</source>
        <translation>Show them your messages?</translation>
    </message>
    <message>
        <source>Montrer mes messages</source>
        <translation>Show my messages</translation>
    </message>
    <message>
        <source>Parties de l'accès et de la confidentialité</source>
        <translation>Parts of access and privacy</translation>
    </message>
    <message>
        <source>Ctrl+Tab ou Ctrl+Page suivante passe d'un onglet à l'autre.</source>
        <translation>Ctrl+Tab or Ctrl+Page Down moves from one tab to the next.</translation>
    </message>
    <message>
        <source>Accès et confidentialité — dossier de %1</source>
        <translation>Access and privacy — %1's record</translation>
    </message>
    <message>
        <source>Qui peut ouvrir le dossier de %1. Chaque changement vous est demandé avant d'être appliqué.</source>
        <translation>Who may open %1's record. You are asked about every change before it is applied.</translation>
    </message>
    <message>
        <source>Accès et confidentialité</source>
        <translation>Access and privacy</translation>
    </message>
    <message>
        <source>Qui peut ouvrir votre dossier. Chaque changement vous est demandé avant d'être appliqué.</source>
        <translation>Who may open your record. You are asked before every change is made.</translation>
    </message>
    <message>
        <source>Copie du %1 — hors ligne. Les réglages ne peuvent pas être modifiés sans connexion : reconnectez-vous puis choisissez « Actualiser ».</source>
        <translation>Copy of %1 — offline. The settings cannot be changed without a connection: connect again, then choose 'Refresh'.</translation>
    </message>
    <message>
        <source>À jour le %1.</source>
        <translation>Up to date on %1.</translation>
    </message>
    <message>
        <source>Fraîcheur des réglages</source>
        <translation>How recent the settings are</translation>
    </message>
    <message>
        <source>Retirer &amp;l'autorisation</source>
        <translation>Withdraw &amp;authorisation</translation>
    </message>
    <message>
        <source>Le professionnel choisi ne pourra plus ouvrir le dossier ; demande confirmation.</source>
        <translation>The chosen professional will no longer be able to open the record; asks for confirmation.</translation>
    </message>
    <message>
        <source>Je m'&amp;oppose à l'accès de mes proches à mon dossier après mon décès</source>
        <translation>I &amp;object to my relatives accessing my record after my death</translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Demander au service les réglages actuels.</source>
        <translation>Ask the service for the current settings.</translation>
    </message>
    <message>
        <source>Professionnels autorisés et bloqués</source>
        <translation>Authorised and blocked professionals</translation>
    </message>
    <message>
        <source>Professionnels</source>
        <translation>Professionals</translation>
    </message>
    <message>
        <source>Autorisés (avec la date) puis bloqués.</source>
        <translation>Authorised (with the date), then blocked.</translation>
    </message>
    <message>
        <source>&amp;RPPS :</source>
        <translation>R&amp;PPS:</translation>
    </message>
    <message>
        <source>Numéro RPPS</source>
        <translation>RPPS number</translation>
    </message>
    <message>
        <source>11 chiffres ; choisir une ligne le remplit.</source>
        <translation>11 digits; choosing a row fills it in.</translation>
    </message>
    <message>
        <source>A&amp;utoriser</source>
        <translation>A&amp;uthorise</translation>
    </message>
    <message>
        <source>Il pourra ouvrir le dossier.</source>
        <translation>They will be able to open the record.</translation>
    </message>
    <message>
        <source>&amp;Bloquer</source>
        <translation>&amp;Block</translation>
    </message>
    <message>
        <source>Ce professionnel ne verra plus rien.</source>
        <translation>This professional will see nothing any more.</translation>
    </message>
    <message>
        <source>&amp;Débloquer</source>
        <translation>Unbloc&amp;k</translation>
    </message>
    <message>
        <source>Débloquer n'autorise pas à nouveau.</source>
        <translation>Unblocking does not authorise again.</translation>
    </message>
    <message>
        <source>En cas d'urgence</source>
        <translation>In an emergency</translation>
    </message>
    <message>
        <source>Le &amp;SAMU peut ouvrir mon dossier</source>
        <translation>The &amp;SAMU may open my record</translation>
    </message>
    <message>
        <source>Les autres &amp;professionnels peuvent l'ouvrir</source>
        <translation>Other &amp;professionals may open it</translation>
    </message>
    <message>
        <source>Ils voient aussi les documents &amp;masqués</source>
        <translation>They also see hi&amp;dden documents</translation>
    </message>
    <message>
        <source>&amp;Tout masquer, y compris en cas d'urgence</source>
        <translation>&amp;Hide everything, even in an emergency</translation>
    </message>
    <message>
        <source>Indisponible quand ni le SAMU ni les autres professionnels ne peuvent ouvrir le dossier.</source>
        <translation>Unavailable when neither the SAMU nor other professionals may open the record.</translation>
    </message>
    <message>
        <source>&amp;Enregistrer l'accès en urgence</source>
        <translation>Sa&amp;ve emergency access</translation>
    </message>
    <message>
        <source>Enregistrer l'accès en urgence</source>
        <translation>Save emergency access</translation>
    </message>
    <message>
        <source>Identifiant, fin, état, messages.</source>
        <translation>Identifier, end, status, messages.</translation>
    </message>
    <message>
        <source>Rubriques des accès</source>
        <translation>Access sections</translation>
    </message>
    <message>
        <source>Aucun professionnel autorisé ni bloqué</source>
        <translation>No professional authorised or blocked</translation>
    </message>
    <message>
        <source>Pour qu'un professionnel de santé puisse ouvrir votre dossier, saisissez son numéro RPPS ci-dessous ou choisissez « Chercher par nom… », puis « Autoriser ».</source>
        <translation>For a health professional to be able to open your record, type their RPPS number below or choose “Search by name…”, then “Authorise”.</translation>
    </message>
    <message>
        <source>Aucun proche aidant</source>
        <translation>No caregiver</translation>
    </message>
    <message>
        <source>Un proche aidant peut consulter votre dossier jusqu'à la date choisie. Saisissez son identifiant Carnet et la date de fin ci-dessous, puis « Inviter ».</source>
        <translation>A caregiver can read your record until the date you choose. Type their Carnet username and the end date below, then “Invite”.</translation>
    </message>
    <message>
        <source>Après votre décès, vos proches (ayants droit, partenaire de PACS, concubin) peuvent demander l'accès à votre dossier dans les cas prévus par la loi : connaître la cause du décès, défendre votre mémoire ou faire valoir leurs droits. Vous pouvez vous y opposer dès maintenant.</source>
        <translation>After your death, your relatives (heirs, civil partner, cohabiting partner) may ask for access to your record in the cases the law provides for: to know the cause of death, to defend your memory or to assert their rights. You can object to this now.</translation>
    </message>
    <message>
        <source>Urgence</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Proches</source>
        <translation>Relatives</translation>
    </message>
    <message>
        <source>Enfants</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>Après mon décès</source>
        <translation>After my death</translation>
    </message>
    <message>
        <source>Demande confirmation.</source>
        <translation>Asks for confirmation.</translation>
    </message>
    <message>
        <source>Admi&amp;nistrateur</source>
        <translation>Admi&amp;nistrator</translation>
    </message>
    <message>
        <source>Désigner ou retirer un administrateur.</source>
        <translation>Appoint or remove an administrator.</translation>
    </message>
    <message>
        <source>Actuel : %1 (RPPS %2)</source>
        <translation>Current: %1 (RPPS %2)</translation>
    </message>
    <message>
        <source>Aucun médecin traitant.</source>
        <translation>No regular doctor.</translation>
    </message>
    <message>
        <source>RPPS du médecin traitant</source>
        <translation>Regular doctor's RPPS</translation>
    </message>
    <message>
        <source>Vide : aucun médecin traitant.</source>
        <translation>Empty: no regular doctor.</translation>
    </message>
    <message>
        <source>Dé&amp;finir</source>
        <translation>&amp;Set</translation>
    </message>
    <message>
        <source>Définir le médecin traitant</source>
        <translation>Set the regular doctor</translation>
    </message>
    <message>
        <source>C&amp;hercher par nom…</source>
        <translation>Searc&amp;h by name…</translation>
    </message>
    <message>
        <source>Chercher un professionnel par nom</source>
        <translation>Search for a professional by name</translation>
    </message>
    <message>
        <source>Par nom, profession et ville ; le choix remplit le RPPS.</source>
        <translation>By name, profession and town; the choice fills in the RPPS.</translation>
    </message>
    <message>
        <source>Cherch&amp;er par nom…</source>
        <translation>Search by na&amp;me…</translation>
    </message>
    <message>
        <source>Chercher le médecin traitant par nom</source>
        <translation>Search for the regular doctor by name</translation>
    </message>
    <message>
        <source>Masquer par défaut les nouveaux documents aux professionnels</source>
        <translation>Hide new documents from professionals by default</translation>
    </message>
    <message>
        <source>Proches aidants</source>
        <translation>Caregivers</translation>
    </message>
    <message>
        <source>Identifiant de l'aidant</source>
        <translation>Caregiver's identifier</translation>
    </message>
    <message>
        <source>Son identifiant Carnet.</source>
        <translation>Their Carnet identifier.</translation>
    </message>
    <message>
        <source>Fin de l'accès</source>
        <translation>End of access</translation>
    </message>
    <message>
        <source>Dernier jour, inclus.</source>
        <translation>Last day, included.</translation>
    </message>
    <message>
        <source>&amp;Inviter</source>
        <translation>&amp;Invite</translation>
    </message>
    <message>
        <source>Retirer l'aidant</source>
        <translation>Remove the caregiver</translation>
    </message>
</context>
<context>
    <name>AccessWords</name>
    <message>
        <source>Le service Carnet</source>
        <translation>The Carnet service</translation>
    </message>
    <message>
        <source>Inconnu</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Vous (%1)</source>
        <translation>You (%1)</translation>
    </message>
    <message>
        <source>Vous</source>
        <translation>You</translation>
    </message>
    <message>
        <source>%1 (RPPS %2)</source>
        <translation>%1 (RPPS %2)</translation>
    </message>
    <message>
        <source>%1, accompagné par %2</source>
        <translation>%1, assisted by %2</translation>
    </message>
    <message>
        <source>Titulaire du dossier</source>
        <translation>Record holder</translation>
    </message>
    <message>
        <source>Représentant légal</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Proche aidant</source>
        <translation>Caregiver</translation>
    </message>
    <message>
        <source>Professionnel de santé</source>
        <translation>Health professional</translation>
    </message>
    <message>
        <source>Ayant droit</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <source>Assureur</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <source>Employeur</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Service Carnet</source>
        <translation>Carnet service</translation>
    </message>
    <message>
        <source>Ouverture du dossier</source>
        <translation>Record opened</translation>
    </message>
    <message>
        <source>Consultation du dossier</source>
        <translation>Record read</translation>
    </message>
    <message>
        <source>Accès en urgence</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <source>Autorisation d'un professionnel</source>
        <translation>Professional authorised</translation>
    </message>
    <message>
        <source>Retrait d'une autorisation</source>
        <translation>Authorisation withdrawn</translation>
    </message>
    <message>
        <source>Blocage d'un professionnel</source>
        <translation>Professional blocked</translation>
    </message>
    <message>
        <source>Déblocage d'un professionnel</source>
        <translation>Professional unblocked</translation>
    </message>
    <message>
        <source>Désignation d'un administrateur</source>
        <translation>Administrator appointed</translation>
    </message>
    <message>
        <source>Retrait d'un administrateur</source>
        <translation>Administrator removed</translation>
    </message>
    <message>
        <source>Choix du médecin traitant</source>
        <translation>Regular doctor chosen</translation>
    </message>
    <message>
        <source>Réglages d'accès en urgence</source>
        <translation>Emergency access settings</translation>
    </message>
    <message>
        <source>Confidentialité par défaut</source>
        <translation>Default confidentiality</translation>
    </message>
    <message>
        <source>Invitation d'un proche aidant</source>
        <translation>Caregiver invited</translation>
    </message>
    <message>
        <source>Retrait d'un proche aidant</source>
        <translation>Caregiver removed</translation>
    </message>
    <message>
        <source>Renoncement d'un proche aidant</source>
        <translation>Caregiver withdrew</translation>
    </message>
    <message>
        <source>Ajout d'un représentant légal</source>
        <translation>Legal representative added</translation>
    </message>
    <message>
        <source>Retrait d'un représentant légal</source>
        <translation>Legal representative removed</translation>
    </message>
    <message>
        <source>Consentement exprès à la médecine du travail</source>
        <translation>Express consent to occupational health</translation>
    </message>
    <message>
        <source>Retrait du consentement à la médecine du travail</source>
        <translation>Occupational health consent withdrawn</translation>
    </message>
    <message>
        <source>Opposition à l'accès des proches après le décès</source>
        <translation>Objection to relatives' access after death</translation>
    </message>
    <message>
        <source>Fin de l'opposition à l'accès des proches après le décès</source>
        <translation>End of the objection to relatives' access after death</translation>
    </message>
    <message>
        <source>Création de l'espace santé</source>
        <translation>Health space created</translation>
    </message>
    <message>
        <source>Début de l'activation</source>
        <translation>Activation started</translation>
    </message>
    <message>
        <source>Activation de l'espace santé</source>
        <translation>Health space activated</translation>
    </message>
    <message>
        <source>Opposition à l'espace santé</source>
        <translation>Objection to the health space</translation>
    </message>
    <message>
        <source>Réactivation de l'espace santé</source>
        <translation>Health space reactivated</translation>
    </message>
    <message>
        <source>Fermeture de l'espace santé</source>
        <translation>Health space closed</translation>
    </message>
    <message>
        <source>Rattachement d'un enfant</source>
        <translation>Child linked</translation>
    </message>
    <message>
        <source>Consultation de l'histoire de santé</source>
        <translation>Health history read</translation>
    </message>
    <message>
        <source>Mise à jour de l'histoire de santé</source>
        <translation>Health history updated</translation>
    </message>
    <message>
        <source>Synchronisation (réception)</source>
        <translation>Sync (download)</translation>
    </message>
    <message>
        <source>Synchronisation (envoi)</source>
        <translation>Sync (upload)</translation>
    </message>
    <message>
        <source>Révocation d'un appareil</source>
        <translation>Device revoked</translation>
    </message>
    <message>
        <source>Ouverture du dossier hors ligne</source>
        <translation>Record opened offline</translation>
    </message>
    <message>
        <source>Consultation de l'historique des accès</source>
        <translation>Access history viewed</translation>
    </message>
    <message>
        <source>Consultation des réglages d'accès</source>
        <translation>Access settings viewed</translation>
    </message>
    <message>
        <source>Rappel de l'identifiant</source>
        <translation>Identifier reminder</translation>
    </message>
    <message>
        <source>Déconnexion</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Changement du mot de passe</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Réinitialisation du mot de passe</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Demande de réinitialisation du mot de passe</source>
        <translation>Password reset requested</translation>
    </message>
    <message>
        <source>Renouvellement de la connexion</source>
        <translation>Session renewed</translation>
    </message>
    <message>
        <source>Masquage d'un document</source>
        <translation>Document hidden</translation>
    </message>
    <message>
        <source>Fin du masquage d'un document</source>
        <translation>Document shown again</translation>
    </message>
    <message>
        <source>Résultat rendu visible après la consultation d'annonce</source>
        <translation>Result made visible after the consultation d'annonce</translation>
    </message>
    <message>
        <source>Enregistrement du décès</source>
        <translation>Death recorded</translation>
    </message>
    <message>
        <source>Suppression de l'espace santé</source>
        <translation>Health space deleted</translation>
    </message>
    <message>
        <source>Demande de suppression de l'espace santé</source>
        <translation>Health space deletion requested</translation>
    </message>
    <message>
        <source>Justificatif refusé</source>
        <translation>Proof refused</translation>
    </message>
    <message>
        <source>Modification des accès</source>
        <translation>Access changed</translation>
    </message>
    <message>
        <source>Opération sur l'espace santé</source>
        <translation>Health space operation</translation>
    </message>
    <message>
        <source>Connexion au service</source>
        <translation>Service sign-in</translation>
    </message>
    <message>
        <source>Opération sur un document</source>
        <translation>Document operation</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Autre opération</source>
        <translation>Other operation</translation>
    </message>
    <message>
        <source>professionnel autorisé</source>
        <translation>professional authorised</translation>
    </message>
    <message>
        <source>professionnel non autorisé</source>
        <translation>professional not authorised</translation>
    </message>
    <message>
        <source>professionnel bloqué</source>
        <translation>professional blocked</translation>
    </message>
    <message>
        <source>titulaire du dossier</source>
        <translation>record holder</translation>
    </message>
    <message>
        <source>Refusé</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Autorisé</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>AccountForms</name>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>AccountPasswordSteps</name>
    <message>
        <source>Saisissez votre mot de passe actuel.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <source>Changement du mot de passe…</source>
        <translation>Changing the password…</translation>
    </message>
    <message>
        <source>Mot de passe actuel incorrect : rien n'a été changé.</source>
        <translation>Wrong current password: nothing was changed.</translation>
    </message>
    <message>
        <source>Changer le mot de passe de mon compte</source>
        <translation>Change my account's password</translation>
    </message>
    <message>
        <source>Mot de passe actuel et nouveau mot de passe</source>
        <translation>Current password and new password</translation>
    </message>
    <message>
        <source>Mot de passe changé</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Le nouveau mot de passe servira à vous connecter sur tous vos appareils ; les autres appareils seront déconnectés et vous demanderont de vous reconnecter.</source>
        <translation>The new password signs you in on all your devices; your other devices will be signed out and will ask you to sign in again.</translation>
    </message>
    <message>
        <source>Mot de passe &amp;actuel :</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;Nouveau mot de passe :</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>C&amp;onfirmer le nouveau mot de passe :</source>
        <translation>C&amp;onfirm the new password:</translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte est changé. Vos autres appareils sont déconnectés. Le carnet sur cet ordinateur garde son propre mot de passe : changez-le aussi dans Paramètres › Mot de passe si vous voulez le même partout.</source>
        <translation>Your account's password is changed. Your other devices are signed out. The record on this computer keeps its own password: change it too in Settings › Password if you want the same everywhere.</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Changer le mot de passe</source>
        <translation>&amp;Change the password</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Mot de passe actuel</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte.</source>
        <translation>Your account's password.</translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Confirmer le nouveau mot de passe</source>
        <translation>Confirm the new password</translation>
    </message>
    <message>
        <source>Saisissez-le à nouveau.</source>
        <translation>Type it again.</translation>
    </message>
    <message>
        <source>Valider.</source>
        <translation>Confirm.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation>Close without changing anything.</translation>
    </message>
</context>
<context>
    <name>AccountRefusals</name>
    <message>
        <source>Ce code n'est pas le bon, ou il a déjà servi, ou il a expiré. Vérifiez le dernier e-mail reçu ou demandez un nouveau code.</source>
        <translation>This code is not the right one, or it was already used, or it expired. Check the latest e-mail received or ask for a new code.</translation>
    </message>
    <message>
        <source>Ce code a expiré : demandez-en un nouveau.</source>
        <translation>This code has expired: ask for a new one.</translation>
    </message>
    <message>
        <source>Votre espace est déjà clôturé ou sa suppression est demandée : rouvrez-le d'abord si vous le souhaitez.</source>
        <translation>Your space is already closed or its deletion is requested: reopen it first if you wish.</translation>
    </message>
    <message>
        <source>Votre espace est ouvert : il n'y a rien à rouvrir.</source>
        <translation>Your space is open: there is nothing to reopen.</translation>
    </message>
    <message>
        <source>Cet espace est déjà activé (ou clôturé) : connectez-vous avec « J'ai déjà un compte », ou utilisez « Identifiant oublié » et « Mot de passe oublié ».</source>
        <translation>This space is already activated (or closed): sign in with 'I already have an account', or use 'Forgotten identifier' and 'Forgotten password'.</translation>
    </message>
    <message>
        <source>Le code d'activation, le numéro de sécurité sociale ou le numéro de série de la carte Vitale ne correspondent pas. Vérifiez les trois avec votre courrier et votre carte Vitale.</source>
        <translation>The activation code, the social security number or the Carte Vitale serial number do not match. Check all three against your letter and your Carte Vitale.</translation>
    </message>
</context>
<context>
    <name>AccountSteps</name>
    <message>
        <source>Ce mot de passe n'ouvre pas ce carnet : saisissez le mot de passe du carnet.</source>
        <translation>This password does not open this record: type the record's password.</translation>
    </message>
</context>
<context>
    <name>ActivationWizard</name>
    <message>
        <source>✓ Cet identifiant respecte les règles.</source>
        <translation>✓ This identifier follows the rules.</translation>
    </message>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Vérification de votre code auprès du service…</source>
        <translation>Checking your code with the service…</translation>
    </message>
    <message>
        <source>Pas encore accepté : la raison est indiquée ci-dessus.</source>
        <translation>Not accepted yet: the reason is given above.</translation>
    </message>
    <message>
        <source>Vérification auprès du service…</source>
        <translation>Checking with the service…</translation>
    </message>
    <message>
        <source>Envoi d'un nouveau code…</source>
        <translation>Sending a new code…</translation>
    </message>
    <message>
        <source>Un nouveau code vient d'être envoyé ; le précédent ne fonctionne plus.</source>
        <translation>A new code has just been sent; the previous one no longer works.</translation>
    </message>
    <message>
        <source>Le code reçu par e-mail compte 6 chiffres.</source>
        <translation>The code received by e-mail has 6 digits.</translation>
    </message>
    <message>
        <source>Activation et chiffrement de votre carnet…</source>
        <translation>Activating and encrypting your record…</translation>
    </message>
    <message>
        <source>Activer Mon espace santé — étape %1 sur %2</source>
        <translation>Activate Mon espace santé — step %1 of %2</translation>
    </message>
    <message>
        <source>Votre code d'activation</source>
        <translation>Your activation code</translation>
    </message>
    <message>
        <source>Votre numéro de sécurité sociale</source>
        <translation>Your social security number</translation>
    </message>
    <message>
        <source>Le numéro de série de votre carte Vitale</source>
        <translation>The serial number of your Carte Vitale</translation>
    </message>
    <message>
        <source>Choisissez votre identifiant</source>
        <translation>Choose your identifier</translation>
    </message>
    <message>
        <source>Choisissez votre mot de passe</source>
        <translation>Choose your password</translation>
    </message>
    <message>
        <source>Le code reçu par e-mail</source>
        <translation>The code received by e-mail</translation>
    </message>
    <message>
        <source>Il figure dans le courrier ou l'e-mail de l'Assurance Maladie : 12 lettres et chiffres. Majuscules ou minuscules, peu importe.</source>
        <translation>It is in the letter or e-mail from the Assurance Maladie: 12 letters and digits. Upper or lower case, it does not matter.</translation>
    </message>
    <message>
        <source>&amp;Code d'activation :</source>
        <translation>&amp;Activation code:</translation>
    </message>
    <message>
        <source>Les 15 chiffres inscrits sur votre carte Vitale ou votre attestation, clé comprise.</source>
        <translation>The 15 digits printed on your Carte Vitale or your certificate, including the key.</translation>
    </message>
    <message>
        <source>&amp;Numéro de sécurité sociale :</source>
        <translation>Social security &amp;number:</translation>
    </message>
    <message>
        <source>Il est imprimé sur le devant de la carte, en bas à droite, sous la photo (encadré en rouge).</source>
        <translation>It is printed on the front of the card, bottom right, under the photo (framed in red).</translation>
    </message>
    <message>
        <source>Numéro de &amp;série de la carte Vitale :</source>
        <translation>Carte Vitale &amp;serial number:</translation>
    </message>
    <message>
        <source>Vous l'utiliserez pour vous connecter. De 8 à 100 caractères : lettres minuscules sans accent, chiffres, point, tiret et tiret bas. Pas votre numéro de sécurité sociale.</source>
        <translation>You will use it to sign in. 8 to 100 characters: lowercase letters without accents, digits, dot, hyphen and underscore. Not your social security number.</translation>
    </message>
    <message>
        <source>&amp;Identifiant :</source>
        <translation>&amp;Identifier:</translation>
    </message>
    <message>
        <source>Ce mot de passe protège votre compte en ligne et chiffre votre carnet sur cet ordinateur. %1 Par exemple « %2 » — mais pas celle-ci, que tout le monde peut lire : inventez la vôtre.</source>
        <translation>This password protects your online account and encrypts your record on this computer. %1 For example “%2” — but not this one, which everyone can read: make up your own.</translation>
    </message>
    <message>
        <source>Re&amp;nvoyer le code</source>
        <translation>Se&amp;nd the code again</translation>
    </message>
    <message>
        <source>Renvoyer le code</source>
        <translation>Send the code again</translation>
    </message>
    <message>
        <source>Recevoir un nouveau code par e-mail.</source>
        <translation>Receive a new code by e-mail.</translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>C&amp;onfirmer le mot de passe :</source>
        <translation>C&amp;onfirm the password:</translation>
    </message>
    <message>
        <source>Un code à 6 chiffres vient d'être envoyé à %1. Il est valable quelques minutes.</source>
        <translation>A 6-digit code has just been sent to %1. It is valid for a few minutes.</translation>
    </message>
    <message>
        <source>Code reçu par &amp;e-mail :</source>
        <translation>Code received by &amp;e-mail:</translation>
    </message>
    <message>
        <source>&amp;Activer</source>
        <translation>&amp;Activate</translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Code d'activation</source>
        <translation>Activation code</translation>
    </message>
    <message>
        <source>12 lettres et chiffres, reçus par courrier.</source>
        <translation>12 letters and digits, received by post.</translation>
    </message>
    <message>
        <source>Numéro de sécurité sociale</source>
        <translation>Social security number</translation>
    </message>
    <message>
        <source>15 chiffres, clé comprise.</source>
        <translation>15 digits, including the key.</translation>
    </message>
    <message>
        <source>Numéro de série de la carte Vitale</source>
        <translation>Carte Vitale serial number</translation>
    </message>
    <message>
        <source>De 8 à 12 chiffres, imprimés en bas à droite du devant de la carte.</source>
        <translation>8 to 12 digits, printed bottom right on the front of the card.</translation>
    </message>
    <message>
        <source>Dessin d'une carte Vitale</source>
        <translation>Drawing of a Carte Vitale</translation>
    </message>
    <message>
        <source>Le numéro de série est encadré en rouge, en bas à droite, sous la photo.</source>
        <translation>The serial number is framed in red, bottom right, under the photo.</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Confirmer le mot de passe</source>
        <translation>Confirm the password</translation>
    </message>
    <message>
        <source>Saisissez-le une seconde fois.</source>
        <translation>Type it a second time.</translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation>Code received by e-mail</translation>
    </message>
    <message>
        <source>6 chiffres.</source>
        <translation>6 digits.</translation>
    </message>
    <message>
        <source>Passer à l'étape suivante.</source>
        <translation>Go to the next step.</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Revenir à l'étape précédente ou à l'accueil.</source>
        <translation>Go back to the previous step or to the welcome screen.</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>What for</translation>
    </message>
    <message>
        <source>Professionnel</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Se répète</source>
        <translation>Repeats</translation>
    </message>
    <message numerus="yes">
        <source>tous les %n jour(s)</source>
        <translation>
            <numerusform>every %n day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>chaque jour</source>
        <translation>every day</translation>
    </message>
    <message numerus="yes">
        <source>toutes les %n semaine(s)</source>
        <translation>
            <numerusform>every %n week</numerusform>
            <numerusform>every %n weeks</numerusform>
        </translation>
    </message>
    <message>
        <source>chaque semaine</source>
        <translation>every week</translation>
    </message>
    <message numerus="yes">
        <source>tous les %n mois</source>
        <translation>
            <numerusform>every %n month</numerusform>
            <numerusform>every %n months</numerusform>
        </translation>
    </message>
    <message>
        <source>chaque mois</source>
        <translation>every month</translation>
    </message>
    <message>
        <source>, jusqu'au %1</source>
        <translation>, until %1</translation>
    </message>
    <message numerus="yes">
        <source>, %n fois</source>
        <translation>
            <numerusform>, %n time</numerusform>
            <numerusform>, %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>Ajouter un rendez-vous</source>
        <translation>Add an appointment</translation>
    </message>
    <message>
        <source>Modifier le rendez-vous</source>
        <translation>Edit the appointment</translation>
    </message>
    <message>
        <source>Le rendez-vous « %1 » du %2 sera supprimé de votre agenda.</source>
        <translation>The appointment '%1' of %2 will be deleted from your agenda.</translation>
    </message>
    <message numerus="yes">
        <source>%n rendez-vous exporté(s) dans %1 (fichier non chiffré).</source>
        <translation>
            <numerusform>%n appointment exported to %1 (not encrypted).</numerusform>
            <numerusform>%n appointments exported to %1 (not encrypted).</numerusform>
        </translation>
    </message>
    <message>
        <source>… et %1 autre(s)</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Déjà dans l'agenda : %1</source>
        <translation>Already in the agenda: %1</translation>
    </message>
    <message>
        <source>Laissé de côté : %1 (%2)</source>
        <translation>Left aside: %1 (%2)</translation>
    </message>
    <message>
        <source>Rien à importer</source>
        <translation>Nothing to import</translation>
    </message>
    <message>
        <source>Vide.</source>
        <translation>Empty.</translation>
    </message>
    <message numerus="yes">
        <source>%n rendez-vous seront ajoutés à votre agenda :</source>
        <translation>
            <numerusform>%n appointment will be added to your agenda:</numerusform>
            <numerusform>%n appointments will be added to your agenda:</numerusform>
        </translation>
    </message>
    <message>
        <source>Importer ces rendez-vous ?</source>
        <translation>Import these appointments?</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>%n rendez-vous ajouté(s).</source>
        <translation>
            <numerusform>%n appointment added.</numerusform>
            <numerusform>%n appointments added.</numerusform>
        </translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Vos rendez-vous de santé. Exportez-les vers l'agenda de votre téléphone ou de votre messagerie (fichier .ics), ou importez ceux d'un autre agenda.</source>
        <translation>Your health appointments. Export them to your phone's or e-mail calendar (.ics file), or import those of another calendar.</translation>
    </message>
    <message>
        <source>&amp;Nouveau rendez-vous</source>
        <translation>&amp;New appointment</translation>
    </message>
    <message>
        <source>Nouveau rendez-vous</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <source>&amp;Modifier</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Exporter &amp;celui-ci</source>
        <translation>Export &amp;this one</translation>
    </message>
    <message>
        <source>Exporter ce rendez-vous</source>
        <translation>Export this appointment</translation>
    </message>
    <message>
        <source>&amp;Exporter l'agenda</source>
        <translation>E&amp;xport the agenda</translation>
    </message>
    <message>
        <source>Exporter l'agenda</source>
        <translation>Export the agenda</translation>
    </message>
    <message>
        <source>&amp;Importer un fichier .ics</source>
        <translation>&amp;Import an .ics file</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Vider le formulaire pour en ajouter un.</source>
        <translation>Clear the form to add one.</translation>
    </message>
    <message>
        <source>Modifier le rendez-vous choisi.</source>
        <translation>Edit the chosen appointment.</translation>
    </message>
    <message>
        <source>Supprimer le rendez-vous choisi ; demande confirmation.</source>
        <translation>Delete the chosen appointment; asks first.</translation>
    </message>
    <message>
        <source>Un fichier .ics pour ce seul rendez-vous.</source>
        <translation>An .ics file for this appointment only.</translation>
    </message>
    <message>
        <source>Un fichier .ics avec tous vos rendez-vous.</source>
        <translation>An .ics file with all your appointments.</translation>
    </message>
    <message>
        <source>Montre ce qui sera ajouté avant de l'ajouter.</source>
        <translation>Shows what will be added before adding it.</translation>
    </message>
    <message>
        <source>Rendez-vous</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>Date, objet, professionnel, lieu et répétition.</source>
        <translation>Date, what for, professional, place and repeat.</translation>
    </message>
</context>
<context>
    <name>ArchiveRestoreDialog</name>
    <message>
        <source>Saisissez la phrase de passe de l'archive.</source>
        <translation>Enter the archive's passphrase.</translation>
    </message>
    <message>
        <source>Donnez un nom au carnet restauré.</source>
        <translation>Give the restored record a name.</translation>
    </message>
    <message>
        <source>Les deux mots de passe diffèrent.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Vérification et restauration de l'archive…</source>
        <translation>Checking and restoring the archive…</translation>
    </message>
    <message>
        <source>Restaurer une archive chiffrée</source>
        <translation>Restore an encrypted archive</translation>
    </message>
    <message>
        <source>L'archive « %1 » devient un nouveau carnet sur cet ordinateur ; aucun carnet existant n'est modifié. Choisissez son nom et son mot de passe.</source>
        <translation>The archive '%1' becomes a new record on this computer; no existing record is changed. Choose its name and its password.</translation>
    </message>
    <message>
        <source>P&amp;hrase de passe de l'archive :</source>
        <translation>Archive pass&amp;phrase:</translation>
    </message>
    <message>
        <source>&amp;Nom du carnet :</source>
        <translation>Record &amp;name:</translation>
    </message>
    <message>
        <source>Nouveau &amp;mot de passe :</source>
        <translation>New &amp;password:</translation>
    </message>
    <message>
        <source>&amp;Confirmez le mot de passe :</source>
        <translation>&amp;Confirm the password:</translation>
    </message>
    <message>
        <source>Phrase de passe de l'archive</source>
        <translation>Archive passphrase</translation>
    </message>
    <message>
        <source>Choisie lors de l'export.</source>
        <translation>Chosen at the export.</translation>
    </message>
    <message>
        <source>Nom du carnet</source>
        <translation>Record name</translation>
    </message>
    <message>
        <source>Le nom affiché à l'ouverture.</source>
        <translation>The name shown when opening.</translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Il protège le carnet restauré.</source>
        <translation>It protects the restored record.</translation>
    </message>
    <message>
        <source>Confirmation du mot de passe</source>
        <translation>Password confirmation</translation>
    </message>
    <message>
        <source>&amp;Restaurer</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Vérifier l'archive, puis créer le carnet.</source>
        <translation>Check the archive, then create the record.</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation>Close without changing anything.</translation>
    </message>
</context>
<context>
    <name>AssistedSession</name>
    <message>
        <source>Lire l'écran à voix haute</source>
        <translation>Read the screen aloud</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>J'accepte d'être accompagné(e) pour cette session</source>
        <translation>I agree to be helped during this session</translation>
    </message>
    <message>
        <source>Votre accord</source>
        <translation>Your consent</translation>
    </message>
    <message>
        <source>L'aidant vous aide à utiliser votre espace santé. Il ne voit pas votre mot de passe. À la fin, rien de votre dossier ne reste sur cet ordinateur. Prenez votre temps.</source>
        <translation>The helper assists you with your health space. They do not see your password. At the end, nothing of your record stays on this computer. Take your time.</translation>
    </message>
    <message>
        <source>Votre identifiant</source>
        <translation>Your identifier</translation>
    </message>
    <message>
        <source>Identifiant de votre espace santé.</source>
        <translation>Identifier of your health space.</translation>
    </message>
    <message>
        <source>Votre mot de passe</source>
        <translation>Your password</translation>
    </message>
    <message>
        <source>Une voix lit chaque écran.</source>
        <translation>A voice reads each screen.</translation>
    </message>
    <message>
        <source>Valider cet écran et passer au suivant.</source>
        <translation>Confirm this screen and go to the next one.</translation>
    </message>
    <message>
        <source>Votre accord est nécessaire pour continuer.</source>
        <translation>Your consent is needed to continue.</translation>
    </message>
    <message>
        <source>Vous seul(e) le tapez.</source>
        <translation>Only you type it.</translation>
    </message>
    <message>
        <source>Connexion</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Tapez vous-même votre identifiant et votre mot de passe.</source>
        <translation>Type your identifier and password yourself.</translation>
    </message>
    <message>
        <source>Aidant : merci de détourner le regard pendant la saisie du mot de passe.</source>
        <translation>Helper: please look away while the password is typed.</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Revenir à l'écran précédent (touche Échap).</source>
        <translation>Go back to the previous screen (Esc key).</translation>
    </message>
    <message>
        <source>Gérer les aidants de ma structure</source>
        <translation>Manage my organisation's helpers</translation>
    </message>
    <message>
        <source>Inscrire un aidant de votre structure, ou lui retirer l'accès.</source>
        <translation>Register a helper of your organisation, or withdraw their access.</translation>
    </message>
    <message>
        <source>L'aidant se connecte</source>
        <translation>The helper signs in</translation>
    </message>
    <message>
        <source>L'aidant se connecte avec son propre compte d'aidant. Son nom et sa structure figureront dans l'historique de votre dossier.</source>
        <translation>The helper signs in with their own helper account. Their name and organisation will appear in your record's access history.</translation>
    </message>
    <message>
        <source>La personne a reçu un code d'activation</source>
        <translation>The person received an activation code</translation>
    </message>
    <message>
        <source>Activer Mon espace santé avec le code reçu par courrier ou par e-mail.</source>
        <translation>Activate Mon espace santé with the code received by post or e-mail.</translation>
    </message>
    <message>
        <source>La personne a déjà un compte</source>
        <translation>The person already has an account</translation>
    </message>
    <message>
        <source>Se connecter avec son identifiant et son mot de passe.</source>
        <translation>Sign in with their identifier and password.</translation>
    </message>
    <message>
        <source>La personne ne veut pas de Mon espace santé</source>
        <translation>The person does not want Mon espace santé</translation>
    </message>
    <message>
        <source>S'opposer à la création de son espace, avec le code reçu.</source>
        <translation>Oppose the creation of their space, with the code received.</translation>
    </message>
    <message>
        <source>Que souhaitez-vous faire ?</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <source>Choisissez ce qui correspond à votre situation.</source>
        <translation>Choose what matches your situation.</translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation>Code received by e-mail</translation>
    </message>
    <message>
        <source>Le code à usage unique que vous avez reçu.</source>
        <translation>The one-time code you received.</translation>
    </message>
    <message>
        <source>Code de confirmation</source>
        <translation>Confirmation code</translation>
    </message>
    <message>
        <source>Un code vient de vous être envoyé par e-mail. Tapez-le ici.</source>
        <translation>A code has just been sent to you by e-mail. Type it here.</translation>
    </message>
    <message>
        <source>Code d'activation</source>
        <translation>Activation code</translation>
    </message>
    <message>
        <source>12 lettres et chiffres, reçus par courrier.</source>
        <translation>12 letters and digits, received by post.</translation>
    </message>
    <message>
        <source>Votre code d'activation</source>
        <translation>Your activation code</translation>
    </message>
    <message>
        <source>Il figure dans le courrier ou l'e-mail de l'Assurance Maladie : 12 lettres et chiffres.</source>
        <translation>It is in the letter or e-mail from the Assurance Maladie: 12 letters and digits.</translation>
    </message>
    <message>
        <source>Numéro de sécurité sociale</source>
        <translation>Social security number</translation>
    </message>
    <message>
        <source>15 chiffres, clé comprise.</source>
        <translation>15 digits, key included.</translation>
    </message>
    <message>
        <source>Votre numéro de sécurité sociale</source>
        <translation>Your social security number</translation>
    </message>
    <message>
        <source>Les 15 chiffres inscrits sur votre carte Vitale, clé comprise.</source>
        <translation>The 15 digits written on your Carte Vitale, key included.</translation>
    </message>
    <message>
        <source>Numéro de série de la carte Vitale</source>
        <translation>Carte Vitale serial number</translation>
    </message>
    <message>
        <source>De 8 à 12 chiffres, imprimés en bas à droite du devant de la carte.</source>
        <translation>8 to 12 digits, printed at the bottom right of the front of the card.</translation>
    </message>
    <message>
        <source>Le numéro de série de votre carte Vitale</source>
        <translation>The serial number of your Carte Vitale</translation>
    </message>
    <message>
        <source>Il est imprimé sur le devant de la carte, en bas à droite, sous la photo.</source>
        <translation>It is printed on the front of the card, bottom right, under the photo.</translation>
    </message>
    <message>
        <source>Identifiant choisi</source>
        <translation>Chosen identifier</translation>
    </message>
    <message>
        <source>De 8 à 100 caractères : lettres minuscules, chiffres, . - _</source>
        <translation>8 to 100 characters: lowercase letters, digits, . - _</translation>
    </message>
    <message>
        <source>Choisissez votre identifiant</source>
        <translation>Choose your identifier</translation>
    </message>
    <message>
        <source>Vous l'utiliserez pour vous connecter. De 8 à 100 caractères : lettres minuscules sans accent, chiffres, point, tiret et tiret bas. Pas votre numéro de sécurité sociale.</source>
        <translation>You will use it to sign in. 8 to 100 characters: lowercase letters without accents, digits, dot, hyphen and underscore. Not your social security number.</translation>
    </message>
    <message>
        <source>Mot de passe choisi</source>
        <translation>Chosen password</translation>
    </message>
    <message>
        <source>Le même mot de passe</source>
        <translation>The same password</translation>
    </message>
    <message>
        <source>Tapez-le une seconde fois.</source>
        <translation>Type it a second time.</translation>
    </message>
    <message>
        <source>Choisissez votre mot de passe</source>
        <translation>Choose your password</translation>
    </message>
    <message>
        <source>Le code à 6 chiffres reçu par e-mail.</source>
        <translation>The 6-digit code received by e-mail.</translation>
    </message>
    <message>
        <source>Confirmez votre adresse e-mail</source>
        <translation>Confirm your e-mail address</translation>
    </message>
    <message>
        <source>Vous ne voulez pas de Mon espace santé</source>
        <translation>You do not want Mon espace santé</translation>
    </message>
    <message>
        <source>Votre espace ne sera pas créé : aucun document de santé n'y sera déposé et les professionnels ne pourront pas le consulter. Vos remboursements ne changent pas. Vous pourrez changer d'avis plus tard, avec le même code tant qu'il est valable, ou auprès de votre caisse d'Assurance Maladie.</source>
        <translation>Your space will not be created: no health document will be put in it and professionals will not be able to consult it. Your reimbursements do not change. You can change your mind later, with the same code while it is valid, or through your Assurance Maladie office.</translation>
    </message>
    <message>
        <source>Je confirme : je ne veux pas de Mon espace santé</source>
        <translation>I confirm: I do not want Mon espace santé</translation>
    </message>
    <message>
        <source>Enregistrer votre opposition auprès du service.</source>
        <translation>Record your opposition with the service.</translation>
    </message>
    <message>
        <source>Allergie</source>
        <translation>Allergy</translation>
    </message>
    <message>
        <source>Une allergie, si vous en avez (facultatif).</source>
        <translation>An allergy, if you have one (optional).</translation>
    </message>
    <message>
        <source>Traitement en cours</source>
        <translation>Current treatment</translation>
    </message>
    <message>
        <source>Un médicament pris (facultatif).</source>
        <translation>A medicine you take (optional).</translation>
    </message>
    <message>
        <source>Contact d'urgence</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <source>Nom d'un proche à prévenir.</source>
        <translation>Name of someone to contact.</translation>
    </message>
    <message>
        <source>Téléphone du contact</source>
        <translation>Contact's phone</translation>
    </message>
    <message>
        <source>Son numéro de téléphone.</source>
        <translation>Their phone number.</translation>
    </message>
    <message>
        <source>Premières informations</source>
        <translation>First information</translation>
    </message>
    <message>
        <source>Tout est facultatif : laissez vide ce que vous ne voulez pas renseigner.</source>
        <translation>Everything is optional: leave empty what you do not want to fill in.</translation>
    </message>
    <message>
        <source>Numéro RPPS du médecin traitant</source>
        <translation>RPPS number of your regular doctor</translation>
    </message>
    <message>
        <source>11 chiffres ; laissez vide pour passer.</source>
        <translation>11 digits; leave empty to skip.</translation>
    </message>
    <message>
        <source>Votre médecin traitant</source>
        <translation>Your regular doctor</translation>
    </message>
    <message>
        <source>Autorisez votre médecin traitant à consulter votre dossier (facultatif).</source>
        <translation>Allow your regular doctor to see your record (optional).</translation>
    </message>
    <message>
        <source>Imprimer la carte d'urgence</source>
        <translation>Print the emergency card</translation>
    </message>
    <message>
        <source>Imprimer la carte d'urgence à garder avec vos papiers.</source>
        <translation>Print the emergency card to keep with your papers.</translation>
    </message>
    <message>
        <source>Ce qui a été fait et la suite.</source>
        <translation>What was done and what comes next.</translation>
    </message>
    <message>
        <source>Terminer la séance et tout effacer de cet ordinateur.</source>
        <translation>End the session and erase everything from this computer.</translation>
    </message>
    <message>
        <source>Le service est injoignable : tout effacer sans envoyer.</source>
        <translation>The service cannot be reached: erase everything without sending.</translation>
    </message>
    <message>
        <source>Étape %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>Une erreur est survenue ; rien n'est perdu, réessayez.</source>
        <translation>An error occurred; nothing is lost, try again.</translation>
    </message>
    <message>
        <source>%1, vous êtes connecté(e) comme responsable de %2. Pour accompagner une personne, choisissez « Continuer ».</source>
        <translation>%1, you are signed in as the manager of %2. To help someone, choose “Continue”.</translation>
    </message>
    <message>
        <source>Cochez la case pour donner votre accord.</source>
        <translation>Tick the box to give your consent.</translation>
    </message>
    <message>
        <source>Imprimer le récapitulatif</source>
        <translation>Print the summary</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Imprimez ce qui vous est utile, puis terminez : tout est effacé de cet ordinateur.</source>
        <translation>Print what is useful to you, then finish: everything is erased from this computer.</translation>
    </message>
    <message>
        <source>Terminer et tout effacer</source>
        <translation>Finish and erase everything</translation>
    </message>
    <message>
        <source>Effacer sans envoyer</source>
        <translation>Erase without sending</translation>
    </message>
    <message>
        <source>Session terminée. Rien de votre dossier n'est resté sur cet ordinateur. Merci !</source>
        <translation>Session over. Nothing of your record stayed on this computer. Thank you!</translation>
    </message>
    <message>
        <source>Au moins 12 caractères, difficile à deviner ; le plus simple : 7 mots sans lien entre eux.</source>
        <translation>At least 12 characters, hard to guess; the simplest: 7 unrelated words.</translation>
    </message>
    <message>
        <source>%1 Par exemple « %2 » — mais pas celle-ci, que tout le monde peut lire : inventez la vôtre.</source>
        <translation>%1 For example “%2” — but not this one, which everyone can read: make up your own.</translation>
    </message>
    <message>
        <source>Étape %1 sur %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>Votre opposition est enregistrée : votre espace ne sera pas créé. Imprimez le récapitulatif, puis terminez : tout est effacé de cet ordinateur.</source>
        <translation>Your opposition is recorded: your space will not be created. Print the summary, then finish: everything is erased from this computer.</translation>
    </message>
    <message>
        <source>Ce mot de passe n'est pas encore assez solide : suivez les conseils.</source>
        <translation>This password is not strong enough yet: follow the advice.</translation>
    </message>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Un code à 6 chiffres vient d'être envoyé à %1. Tapez-le ici.</source>
        <translation>A 6-digit code has just been sent to %1. Type it here.</translation>
    </message>
    <message>
        <source>Lecture à voix haute indisponible sur cet ordinateur.</source>
        <translation>Reading aloud is not available on this computer.</translation>
    </message>
</context>
<context>
    <name>CareHistoryPage</name>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Médicament</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Soin</source>
        <translation>Care</translation>
    </message>
    <message>
        <source>Professionnel</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>%1 à %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>Interrogation du service…</source>
        <translation>Asking the service…</translation>
    </message>
    <message>
        <source>L'histoire de santé n'a pas pu être chargée. Réessayez plus tard.</source>
        <translation>The health history could not be loaded. Try again later.</translation>
    </message>
    <message>
        <source>Histoire de santé</source>
        <translation>Health history</translation>
    </message>
    <message>
        <source>Les soins remboursés par l'Assurance Maladie au cours des 24 derniers mois : consultations et médicaments. Ces informations viennent du service ; vous ne pouvez pas les modifier.</source>
        <translation>Care reimbursed by the Assurance Maladie over the last 24 months: consultations and medicines. This information comes from the service; you cannot edit it.</translation>
    </message>
    <message>
        <source>Pas encore chargée.</source>
        <translation>Not loaded yet.</translation>
    </message>
    <message numerus="yes">
        <source>Hors ligne : copie enregistrée le %1 (%n soin(s)).</source>
        <translation>
            <numerusform>Offline: copy saved on %1 (%n item of care).</numerusform>
            <numerusform>Offline: copy saved on %1 (%n items of care).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>À jour le %1 (%n soin(s)).</source>
        <translation>
            <numerusform>Up to date on %1 (%n item of care).</numerusform>
            <numerusform>Up to date on %1 (%n items of care).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Demander au service la dernière version.</source>
        <translation>Ask the service for the latest version.</translation>
    </message>
    <message>
        <source>Date de la copie</source>
        <translation>Date of the copy</translation>
    </message>
    <message>
        <source>Soins des 24 derniers mois</source>
        <translation>Care of the last 24 months</translation>
    </message>
    <message>
        <source>Du plus récent au plus ancien.</source>
        <translation>Newest first.</translation>
    </message>
</context>
<context>
    <name>ChildrenBox</name>
    <message>
        <source>Enfant</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Né(e) le</source>
        <translation>Born on</translation>
    </message>
    <message>
        <source>Représentants légaux</source>
        <translation>Legal representatives</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint. Réessayez plus tard.</source>
        <translation>The service could not be reached. Try again later.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Recopiez le code d'activation, le NIR et le numéro de série de la lettre reçue pour l'enfant.</source>
        <translation>Copy the activation code, the NIR and the serial number from the letter received for the child.</translation>
    </message>
    <message>
        <source>Vous deviendrez représentant légal de l'enfant dont la lettre porte ce code : vous gérerez son dossier et qui peut l'ouvrir.</source>
        <translation>You will become the legal representative of the child whose letter carries this code: you will manage their record and who may open it.</translation>
    </message>
    <message>
        <source>Ajouter un profil enfant ?</source>
        <translation>Add a child profile?</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Saisissez l'identifiant Carnet du second représentant légal.</source>
        <translation>Enter the Carnet identifier of the second legal representative.</translation>
    </message>
    <message>
        <source>%1 deviendra aussi représentant légal de %2 : il gérera son dossier comme vous.</source>
        <translation>%1 will also become %2's legal representative: they will manage the record as you do.</translation>
    </message>
    <message>
        <source>Ajouter un second représentant légal ?</source>
        <translation>Add a second legal representative?</translation>
    </message>
    <message>
        <source>%1 ne sera plus représentant légal de %2 et ne pourra plus ouvrir ni gérer son dossier.</source>
        <translation>%1 will no longer be %2's legal representative and will no longer be able to open or manage the record.</translation>
    </message>
    <message>
        <source>Retirer ce représentant ?</source>
        <translation>Remove this representative?</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>l'enfant</source>
        <translation>the child</translation>
    </message>
    <message>
        <source>&amp;Gérer les accès de %1</source>
        <translation>&amp;Manage %1's access</translation>
    </message>
    <message>
        <source>Ouvrir les réglages d'accès du dossier de l'enfant choisi.</source>
        <translation>Open the access settings of the chosen child's record.</translation>
    </message>
    <message>
        <source>Représentants légaux et profils enfants</source>
        <translation>Legal representatives and child profiles</translation>
    </message>
    <message>
        <source>Les enfants dont vous gérez le dossier, avec leurs représentants légaux.</source>
        <translation>The children whose record you manage, with their legal representatives.</translation>
    </message>
    <message>
        <source>Profils enfants</source>
        <translation>Child profiles</translation>
    </message>
    <message>
        <source>Enfant, date de naissance, représentants légaux.</source>
        <translation>Child, date of birth, legal representatives.</translation>
    </message>
    <message>
        <source>Identifiant Carnet</source>
        <translation>Carnet identifier</translation>
    </message>
    <message>
        <source>Identifiant du second représentant</source>
        <translation>Identifier of the second representative</translation>
    </message>
    <message>
        <source>Son identifiant Carnet.</source>
        <translation>Their Carnet identifier.</translation>
    </message>
    <message>
        <source>A&amp;jouter un second représentant légal</source>
        <translation>Add a second le&amp;gal representative</translation>
    </message>
    <message>
        <source>Ajouter un second représentant légal</source>
        <translation>Add a second legal representative</translation>
    </message>
    <message>
        <source>Demande confirmation.</source>
        <translation>Asks for confirmation.</translation>
    </message>
    <message>
        <source>Représentant à retirer</source>
        <translation>Representative to remove</translation>
    </message>
    <message>
        <source>Les représentants de l'enfant choisi.</source>
        <translation>The chosen child's representatives.</translation>
    </message>
    <message>
        <source>Retirer &amp;ce représentant</source>
        <translation>Remove &amp;this representative</translation>
    </message>
    <message>
        <source>Retirer ce représentant</source>
        <translation>Remove this representative</translation>
    </message>
    <message>
        <source>Nouveau profil enfant (lettre reçue pour l'enfant)</source>
        <translation>New child profile (letter received for the child)</translation>
    </message>
    <message>
        <source>Code d'activation de l'enfant</source>
        <translation>The child's activation code</translation>
    </message>
    <message>
        <source>Code d'activation</source>
        <translation>Activation code</translation>
    </message>
    <message>
        <source>NIR de l'enfant</source>
        <translation>The child's NIR</translation>
    </message>
    <message>
        <source>NIR (15 chiffres)</source>
        <translation>NIR (15 digits)</translation>
    </message>
    <message>
        <source>Numéro de série de la Carte Vitale</source>
        <translation>Carte Vitale serial number</translation>
    </message>
    <message>
        <source>N° de série Carte Vitale</source>
        <translation>Carte Vitale serial no.</translation>
    </message>
    <message>
        <source>Tel qu'imprimé sur la lettre reçue pour l'enfant.</source>
        <translation>As printed on the letter received for the child.</translation>
    </message>
    <message>
        <source>Ajouter un profil enfant</source>
        <translation>Add a child profile</translation>
    </message>
    <message>
        <source>Aucun profil enfant</source>
        <translation>No child profile</translation>
    </message>
    <message>
        <source>Pour gérer le dossier de votre enfant, saisissez ci-dessous le code d'activation, le NIR et le numéro de série imprimés sur la lettre reçue pour lui, puis « Ajouter un profil enfant ».</source>
        <translation>To manage your child's record, type below the activation code, the NIR and the serial number printed on the letter received for them, then “Add a child profile”.</translation>
    </message>
</context>
<context>
    <name>ClinicDocumentWindow</name>
    <message>
        <source>Ouverture du document…</source>
        <translation>Opening the document…</translation>
    </message>
    <message>
        <source>En ligne : document ouvert depuis le service.</source>
        <translation>Online: document opened from the service.</translation>
    </message>
    <message>
        <source>Copie chiffrée de ce poste : le service n'a pas encore reçu le contenu de ce document.</source>
        <translation>This workstation's encrypted copy: the service has not received this document's content yet.</translation>
    </message>
    <message>
        <source>Hors ligne : document ouvert depuis la copie chiffrée de ce poste.</source>
        <translation>Offline: document opened from this workstation's encrypted copy.</translation>
    </message>
    <message>
        <source>Provenance du document</source>
        <translation>Where the document comes from</translation>
    </message>
    <message>
        <source>Aucun document</source>
        <translation>No document</translation>
    </message>
    <message>
        <source>%1 — dossier de %2</source>
        <translation>%1 — record of %2</translation>
    </message>
    <message>
        <source>Document — Poste de soins</source>
        <translation>Document — Clinic workstation</translation>
    </message>
</context>
<context>
    <name>ClinicMessagesDialog</name>
    <message>
        <source>Messagerie — %1</source>
        <translation>Messages — %1</translation>
    </message>
    <message>
        <source>Messagerie avec %1</source>
        <translation>Messages with %1</translation>
    </message>
    <message>
        <source>Vos conversations avec ce patient. Hors ligne, ce que vous écrivez est gardé sur ce poste et sera envoyé dès la reconnexion.</source>
        <translation>Your conversations with this patient. Offline, what you write is kept on this workstation and will be sent as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Entrée ouvre la conversation choisie.</source>
        <translation>Enter opens the chosen conversation.</translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation>&amp;Conversations</translation>
    </message>
    <message>
        <source>&amp;Nouveau message au patient</source>
        <translation>&amp;New message to the patient</translation>
    </message>
    <message>
        <source>Nouveau message au patient</source>
        <translation>New message to the patient</translation>
    </message>
    <message>
        <source>Commencer une conversation : un objet et un premier message.</source>
        <translation>Start a conversation: a subject and a first message.</translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Envoyer ce qui attend et relire les messages.</source>
        <translation>Send what is waiting and read the messages again.</translation>
    </message>
    <message>
        <source>Fil de la conversation</source>
        <translation>Conversation thread</translation>
    </message>
    <message>
        <source>Les messages, du plus ancien au dernier.</source>
        <translation>The messages, oldest first.</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>L'objet de la nouvelle conversation.</source>
        <translation>The subject of the new conversation.</translation>
    </message>
    <message>
        <source>&amp;Objet :</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <source>&amp;Envoyer</source>
        <translation>S&amp;end</translation>
    </message>
    <message>
        <source>Envoyer</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Envoyer le message (Ctrl+Entrée).</source>
        <translation>Send the message (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>&amp;Joindre un document…</source>
        <translation>&amp;Attach a document…</translation>
    </message>
    <message>
        <source>Joindre un document</source>
        <translation>Attach a document</translation>
    </message>
    <message>
        <source>Un fichier de %1 Mo au plus joint à la réponse.</source>
        <translation>A file of at most %1 MB sent with the reply.</translation>
    </message>
    <message>
        <source>Re&amp;tirer la pièce jointe</source>
        <translation>Re&amp;move the attachment</translation>
    </message>
    <message>
        <source>Retirer la pièce jointe</source>
        <translation>Remove the attachment</translation>
    </message>
    <message>
        <source>La réponse partira sans document.</source>
        <translation>The reply will go without a document.</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer la messagerie.</source>
        <translation>Close the messages.</translation>
    </message>
    <message>
        <source>Hors ligne : aucune conversation avec ce patient n'est gardée sur ce poste.</source>
        <translation>Offline: no conversation with this patient is kept on this workstation.</translation>
    </message>
    <message>
        <source>Une erreur est survenue ; rien n'est perdu, réessayez.</source>
        <translation>An error occurred; nothing was lost, try again.</translation>
    </message>
    <message>
        <source>%1 / %2 caractères</source>
        <translation>%1 / %2 characters</translation>
    </message>
    <message>
        <source>Hors ligne : copie de ce poste.</source>
        <translation>Offline: this workstation's copy.</translation>
    </message>
    <message>
        <source>%1 message(s) en attente : ils seront envoyés dès la reconnexion.</source>
        <translation>%1 message(s) waiting: they will be sent as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Nouveau message à %1</source>
        <translation>New message to %1</translation>
    </message>
    <message>
        <source>&amp;Message :</source>
        <translation>&amp;Message:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>%1 caractères au plus.</source>
        <translation>At most %1 characters.</translation>
    </message>
    <message>
        <source>&amp;Réponse :</source>
        <translation>Re&amp;ply:</translation>
    </message>
    <message>
        <source>Réponse</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Pièce jointe : %1 (%2 Ko)</source>
        <translation>Attachment: %1 (%2 KB)</translation>
    </message>
    <message>
        <source>Ce fichier ne peut pas être lu.</source>
        <translation>This file cannot be read.</translation>
    </message>
    <message>
        <source>Aucune conversation avec ce patient : écrivez-lui un premier message.</source>
        <translation>No conversation with this patient: write them a first message.</translation>
    </message>
    <message>
        <source>%1 non lu(s)</source>
        <translation>%1 unread</translation>
    </message>
    <message>
        <source>close</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Vous</source>
        <translation>You</translation>
    </message>
    <message>
        <source>en attente d'envoi</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>Pièce jointe : %1</source>
        <translation>Attachment: %1</translation>
    </message>
    <message>
        <source>Message gardé sur ce poste : la synchronisation l'envoie (dès la reconnexion).</source>
        <translation>Message kept on this workstation: the sync sends it (as soon as the connection is back).</translation>
    </message>
    <message>
        <source>Message envoyé.</source>
        <translation>Message sent.</translation>
    </message>
</context>
<context>
    <name>ClinicWindow</name>
    <message>
        <source>Poste clinique — connexion du professionnel</source>
        <translation>Clinic workstation — professional sign-in</translation>
    </message>
    <message>
        <source>Numéro RPPS</source>
        <translation>RPPS number</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Se connecter</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Identifiants</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation>Code received by e-mail</translation>
    </message>
    <message>
        <source>Le code à 6 chiffres envoyé par e-mail.</source>
        <translation>The 6-digit code sent by e-mail.</translation>
    </message>
    <message>
        <source>Valider le code</source>
        <translation>Confirm the code</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Code de confirmation</source>
        <translation>Confirmation code</translation>
    </message>
    <message>
        <source>Un code vient de vous être envoyé par e-mail.</source>
        <translation>A code has just been sent to you by e-mail.</translation>
    </message>
    <message>
        <source>Changer d'utilisateur</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>Verrouiller ce profil, oublier la confiance de ce poste et revenir à la connexion.</source>
        <translation>Lock this profile, forget this workstation's trust and go back to sign-in.</translation>
    </message>
    <message>
        <source>Verrouiller</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Verrouiller le poste ; votre mot de passe seul le rouvre pendant la période de confiance.</source>
        <translation>Lock the workstation; your password alone reopens it during the trust period.</translation>
    </message>
    <message>
        <source>Fin de journée…</source>
        <translation>End of day…</translation>
    </message>
    <message>
        <source>Dossiers ouverts, ajouts, ce qui attend encore et pourquoi, effacements : à l'écran et à imprimer.</source>
        <translation>Dossiers opened, additions, what still waits and why, erasures: on screen and to print.</translation>
    </message>
    <message>
        <source>Accès en urgence…</source>
        <translation>Emergency access…</translation>
    </message>
    <message>
        <source>Rechercher un patient</source>
        <translation>Search for a patient</translation>
    </message>
    <message>
        <source>Nom, date de naissance ou INS</source>
        <translation>Name, birth date or INS</translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Seuls apparaissent les patients qui vous ont autorisé, ou ceux ouverts par accès en urgence. Recherche par nom, date de naissance (JJ/MM/AAAA) ou INS.</source>
        <translation>Only patients who authorised you appear, or those opened by emergency access. Search by name, date of birth (DD/MM/YYYY) or INS.</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <source>Préparer la journée…</source>
        <translation>Prepare the day…</translation>
    </message>
    <message>
        <source>Choisir les patients du jour et garder leurs dossiers sur ce poste pour travailler hors ligne.</source>
        <translation>Choose the day's patients and keep their records on this computer to work offline.</translation>
    </message>
    <message>
        <source>Progression</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Disponibles hors ligne</source>
        <translation>Available offline</translation>
    </message>
    <message>
        <source>Contenu du dossier</source>
        <translation>Record content</translation>
    </message>
    <message>
        <source>Histoire de santé</source>
        <translation>Health history</translation>
    </message>
    <message>
        <source>Demander au service les soins remboursés des 24 derniers mois (consultation tracée) ; hors ligne, la dernière copie de ce poste.</source>
        <translation>Ask the service for the care reimbursed over the last 24 months (the read is logged); offline, this workstation's last copy.</translation>
    </message>
    <message>
        <source>Messagerie</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Écrire au patient ouvert et lire ses réponses.</source>
        <translation>Write to the opened patient and read their replies.</translation>
    </message>
    <message>
        <source>Envoyer le rendez-vous au patient</source>
        <translation>Send the appointment to the patient</translation>
    </message>
    <message>
        <source>Ajouter un document…</source>
        <translation>Add a document…</translation>
    </message>
    <message>
        <source>Supprimer mon document…</source>
        <translation>Delete my document…</translation>
    </message>
    <message>
        <source>Supprimer le document choisi, si vous l'avez ajouté depuis ce poste.</source>
        <translation>Delete the chosen document, if you added it from this workstation.</translation>
    </message>
    <message>
        <source>Modifier mon document…</source>
        <translation>Edit my document…</translation>
    </message>
    <message>
        <source>Changer le titre ou la date du document choisi, si vous l'avez ajouté depuis ce poste.</source>
        <translation>Change the title or date of the chosen document, if you added it from this workstation.</translation>
    </message>
    <message>
        <source>Ouvrir le document</source>
        <translation>Open the document</translation>
    </message>
    <message>
        <source>Afficher dans Carnet le document choisi : depuis le service en ligne, la copie du poste hors ligne.</source>
        <translation>Show the chosen document in Carnet: from the service online, from this workstation's copy offline.</translation>
    </message>
    <message>
        <source>Ajouter au dossier</source>
        <translation>Add to the dossier</translation>
    </message>
    <message>
        <source>Reprendre la vaccination ou le document refusé dans son formulaire, le corriger et le renvoyer.</source>
        <translation>Bring the refused vaccination or document back into its form, correct it and send it again.</translation>
    </message>
    <message>
        <source>Réessayer maintenant</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Aucun patient trouvé parmi ceux qui vous ont autorisé (ou ouverts en urgence).</source>
        <translation>No patient found among those who authorised you (or opened in an emergency).</translation>
    </message>
    <message>
        <source>Dossier de %1</source>
        <translation>Record of %1</translation>
    </message>
    <message>
        <source>Pas encore sur ce poste : préparez la journée pour le consulter.</source>
        <translation>Not on this workstation yet: prepare the day to view it.</translation>
    </message>
    <message>
        <source>Hors ligne : pas de copie de l'histoire de santé sur ce poste.</source>
        <translation>Offline: no copy of the health history on this workstation.</translation>
    </message>
    <message>
        <source>Hors ligne : dernière copie de ce poste, du %1.</source>
        <translation>Offline: this workstation's last copy, from %1.</translation>
    </message>
    <message>
        <source>Corriger le document refusé</source>
        <translation>Correct the refused document</translation>
    </message>
    <message>
        <source>%1 a retiré votre autorisation d'accès : la copie de son dossier a été effacée de ce poste.</source>
        <translation>%1 withdrew your access authorisation: the copy of their record was erased from this workstation.</translation>
    </message>
    <message>
        <source>Votre mot de passe.</source>
        <translation>Your password.</translation>
    </message>
    <message>
        <source>11 chiffres.</source>
        <translation>11 digits.</translation>
    </message>
    <message>
        <source>Recevoir un code par e-mail.</source>
        <translation>Receive a code by e-mail.</translation>
    </message>
    <message>
        <source>Terminer la connexion.</source>
        <translation>Finish signing in.</translation>
    </message>
    <message>
        <source>Revenir aux identifiants.</source>
        <translation>Back to the credentials.</translation>
    </message>
    <message>
        <source>Première connexion (code d'enrôlement)…</source>
        <translation>First sign-in (enrolment code)…</translation>
    </message>
    <message>
        <source>Choisir votre mot de passe avec le code d'enrôlement reçu par e-mail.</source>
        <translation>Choose your password with the enrolment code received by e-mail.</translation>
    </message>
    <message>
        <source>Première connexion : choisir votre mot de passe</source>
        <translation>First sign-in: choose your password</translation>
    </message>
    <message>
        <source>Code d'enrôlement</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Le code reçu par e-mail (12 lettres et chiffres).</source>
        <translation>The code received by e-mail (12 letters and digits).</translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Au moins 12 caractères, difficile à deviner (la même règle que pour les patients).</source>
        <translation>At least 12 characters, hard to guess (the same rule as for patients).</translation>
    </message>
    <message>
        <source>Confirmez le mot de passe</source>
        <translation>Confirm the password</translation>
    </message>
    <message>
        <source>Le même, une seconde fois.</source>
        <translation>The same, a second time.</translation>
    </message>
    <message>
        <source>Choisir ce mot de passe</source>
        <translation>Choose this password</translation>
    </message>
    <message>
        <source>Activer votre accès professionnel.</source>
        <translation>Activate your professional access.</translation>
    </message>
    <message>
        <source>Le code d'enrôlement figure dans l'e-mail « Accès professionnel Carnet ».</source>
        <translation>The enrolment code is in the e-mail “Carnet professional access”.</translation>
    </message>
    <message>
        <source>Les deux mots de passe sont différents.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Saisissez votre mot de passe.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Le code compte 6 chiffres.</source>
        <translation>The code has 6 digits.</translation>
    </message>
    <message>
        <source>Connecté : %1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <source> · poste de confiance jusqu'au %1</source>
        <translation> · trusted workstation until %1</translation>
    </message>
    <message>
        <source>Pour l'agenda du patient : il en est prévenu.</source>
        <translation>For the patient's agenda: they are told.</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Vaccination</translation>
    </message>
    <message>
        <source>Rendez-vous</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Une vaccination ou un rendez-vous.</source>
        <translation>A vaccination or an appointment.</translation>
    </message>
    <message>
        <source>Modifications du jour</source>
        <translation>Today's changes</translation>
    </message>
    <message>
        <source>Chaque modification : envoyée, en attente, ou refusée avec le motif.</source>
        <translation>Each change: sent, waiting, or refused with the reason.</translation>
    </message>
    <message>
        <source>J'ai pris connaissance</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Retirer de la liste la modification refusée choisie.</source>
        <translation>Remove the chosen refused change from the list.</translation>
    </message>
    <message>
        <source>Corriger…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Supprimer le document</source>
        <translation>Delete the document</translation>
    </message>
    <message>
        <source>Supprimer ce document du dossier du patient ? La suppression lui sera envoyée.</source>
        <translation>Delete this document from the patient's record? The deletion will be sent to them.</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Garder</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>REFUSÉE : %1. %2</source>
        <translation>REFUSED: %1. %2</translation>
    </message>
    <message>
        <source>EN CONFLIT : %1. %2</source>
        <translation>IN CONFLICT: %1. %2</translation>
    </message>
    <message>
        <source>En attente : %1</source>
        <translation>Waiting: %1</translation>
    </message>
    <message>
        <source>Envoyée : %1</source>
        <translation>Sent: %1</translation>
    </message>
    <message>
        <source>Bris de glace : ouvrir un dossier en urgence, en ligne.</source>
        <translation>Break the glass: open a record in an emergency, online.</translation>
    </message>
    <message>
        <source>Nom, date de naissance (JJ/MM/AAAA) ou INS.</source>
        <translation>Name, birth date (DD/MM/YYYY) or INS.</translation>
    </message>
    <message>
        <source>Chercher parmi vos patients.</source>
        <translation>Search among your patients.</translation>
    </message>
    <message>
        <source>Entrée ouvre le dossier choisi.</source>
        <translation>Enter opens the chosen record.</translation>
    </message>
    <message>
        <source>Consultation tracée.</source>
        <translation>The access is logged.</translation>
    </message>
    <message>
        <source>Préparation de la journée.</source>
        <translation>Preparing the day.</translation>
    </message>
    <message>
        <source>Interrompre la préparation</source>
        <translation>Stop preparing</translation>
    </message>
    <message>
        <source>Arrêter ; ce qui est déjà sur ce poste y reste.</source>
        <translation>Stop; what is already on this computer stays there.</translation>
    </message>
    <message>
        <source>Entrée ouvre le dossier.</source>
        <translation>Enter opens the record.</translation>
    </message>
    <message>
        <source>Disponibles hors ligne sur ce poste</source>
        <translation>Available offline on this computer</translation>
    </message>
    <message>
        <source>Section par section, ce que vous pouvez voir, ou pourquoi c'est masqué ; en lecture seule.</source>
        <translation>Section by section, what you may see, or why it is hidden; read-only.</translation>
    </message>
    <message>
        <source>Votre profession n'inscrit pas de vaccinations dans le carnet : ajoutez un document.</source>
        <translation>Your profession does not record vaccinations in the carnet: add a document.</translation>
    </message>
    <message>
        <source>Joindre un fichier au dossier ouvert.</source>
        <translation>Attach a file to the open record.</translation>
    </message>
    <message>
        <source>Envoyer maintenant.</source>
        <translation>Send now.</translation>
    </message>
    <message>
        <source>Hors ligne : copie de ce poste.</source>
        <translation>Offline: this workstation's copy.</translation>
    </message>
    <message>
        <source>En attente d'envoi (%1)</source>
        <translation>Waiting to be sent (%1)</translation>
    </message>
    <message>
        <source> — dont %1 refusée(s) : à revoir</source>
        <translation> — of which %1 refused: to review</translation>
    </message>
    <message>
        <source>%1 — disponible hors ligne jusqu'au %2</source>
        <translation>%1 — available offline until %2</translation>
    </message>
    <message>
        <source>Autorisation retirée</source>
        <translation>Authorisation withdrawn</translation>
    </message>
    <message>
        <source>Accès en urgence — jusqu'au %1</source>
        <translation>Emergency access — until %1</translation>
    </message>
    <message>
        <source>Aucun dossier ouvert</source>
        <translation>No record open</translation>
    </message>
    <message>
        <source>Se connecter avec Pro Santé Connect</source>
        <translation>Sign in with Pro Santé Connect</translation>
    </message>
    <message>
        <source>Avec votre e-CPS, dans le navigateur ; le mot de passe ouvre vos données sur ce poste.</source>
        <translation>With your e-CPS, in the browser; the password opens your data on this computer.</translation>
    </message>
    <message>
        <source>Terminez la connexion dans votre navigateur…</source>
        <translation>Finish signing in in your browser…</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Avant</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Autre appareil</source>
        <translation>Other device</translation>
    </message>
    <message>
        <source>Cet ordinateur</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Garder l'autre appareil</source>
        <translation>Keep the other device's</translation>
    </message>
    <message>
        <source>Garder le mien</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Valeur à garder pour %1</source>
        <translation>Value to keep for %1</translation>
    </message>
    <message>
        <source>Avant : %1 ; autre appareil : %2 ; cet ordinateur : %3</source>
        <translation>Before: %1; other device: %2; this computer: %3</translation>
    </message>
    <message>
        <source>Conflits à régler</source>
        <translation>Conflicts to settle</translation>
    </message>
    <message>
        <source>La même information a été modifiée sur deux appareils. Pour chaque champ, choisissez la valeur à garder ; votre choix sera envoyé à tous vos appareils.</source>
        <translation>The same information was changed on two devices. For each field, choose the value to keep; your choice will be sent to all your devices.</translation>
    </message>
    <message>
        <source>Aucun conflit : tout est à jour.</source>
        <translation>No conflict: everything is up to date.</translation>
    </message>
    <message>
        <source>&amp;Appliquer mes choix</source>
        <translation>&amp;Apply my choices</translation>
    </message>
    <message>
        <source>Conflits</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Choisissez un conflit à régler.</source>
        <translation>Choose a conflict to settle.</translation>
    </message>
    <message>
        <source>Appliquer mes choix</source>
        <translation>Apply my choices</translation>
    </message>
    <message>
        <source>Garder les valeurs choisies.</source>
        <translation>Keep the chosen values.</translation>
    </message>
</context>
<context>
    <name>CreateProfilePage</name>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Création et chiffrement du carnet…</source>
        <translation>Creating and encrypting the record…</translation>
    </message>
    <message>
        <source>Le carnet n'a pas pu être créé ; rien n'a été enregistré.</source>
        <translation>The record could not be created; nothing was saved.</translation>
    </message>
    <message>
        <source>Créer un carnet sur cet ordinateur</source>
        <translation>Create a record on this computer</translation>
    </message>
    <message>
        <source>Votre carnet sera chiffré avec votre mot de passe. %1</source>
        <translation>Your record will be encrypted with your password. %1</translation>
    </message>
    <message>
        <source>&amp;Nom du carnet :</source>
        <translation>&amp;Record name:</translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Confirmer :</source>
        <translation>&amp;Confirm:</translation>
    </message>
    <message>
        <source>Créer le &amp;carnet</source>
        <translation>Create the &amp;record</translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Nom du carnet</source>
        <translation>Record name</translation>
    </message>
    <message>
        <source>Par exemple votre prénom et votre nom.</source>
        <translation>For example your first name and surname.</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Le mot de passe qui chiffre ce carnet.</source>
        <translation>The password that encrypts this record.</translation>
    </message>
    <message>
        <source>Confirmer le mot de passe</source>
        <translation>Confirm the password</translation>
    </message>
    <message>
        <source>Saisissez-le une seconde fois.</source>
        <translation>Type it a second time.</translation>
    </message>
    <message>
        <source>Créer le carnet</source>
        <translation>Create the record</translation>
    </message>
    <message>
        <source>Créer et chiffrer le carnet.</source>
        <translation>Create and encrypt the record.</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Revenir à l'écran d'accueil.</source>
        <translation>Go back to the welcome screen.</translation>
    </message>
</context>
<context>
    <name>DevicesBox</name>
    <message>
        <source>Appareil</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Dernière connexion</source>
        <translation>Last connection</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (cet ordinateur)</source>
        <translation>%1 (this computer)</translation>
    </message>
    <message>
        <source>Révoqué</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Interrogation du service…</source>
        <translation>Asking the service…</translation>
    </message>
    <message numerus="yes">
        <source>%n appareil(s) relié(s) à votre compte.</source>
        <translation>
            <numerusform>%n device linked to your account.</numerusform>
            <numerusform>%n devices linked to your account.</numerusform>
        </translation>
    </message>
    <message>
        <source>Le service n'a pas répondu. Réessayez plus tard.</source>
        <translation>The service did not answer. Try again later.</translation>
    </message>
    <message>
        <source>Révoquer un appareil</source>
        <translation>Revoke a device</translation>
    </message>
    <message>
        <source>« %1 » ne pourra plus se connecter à votre compte ni se synchroniser, dès maintenant. Ce qu'il n'a pas encore envoyé ne vous parviendra pas. Vous pourrez le reconnecter plus tard avec votre identifiant, votre mot de passe et un code reçu par e-mail.</source>
        <translation>"%1" will no longer be able to sign in to your account or sync, starting now. What it has not sent yet will not reach you. You can link it again later with your identifier, your password and a code received by e-mail.</translation>
    </message>
    <message>
        <source>Révoquer</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Appareils reliés à mon compte</source>
        <translation>Devices linked to my account</translation>
    </message>
    <message>
        <source>Révoquez un appareil perdu, vendu ou que vous n'utilisez plus : il ne pourra plus se connecter.</source>
        <translation>Revoke a device that is lost, sold or no longer used: it will no longer be able to sign in.</translation>
    </message>
    <message>
        <source>Afficher les a&amp;ppareils</source>
        <translation>Show the de&amp;vices</translation>
    </message>
    <message>
        <source>Révo&amp;quer l'appareil choisi…</source>
        <translation>Revo&amp;ke the chosen device…</translation>
    </message>
    <message>
        <source>Choisissez un appareil à révoquer.</source>
        <translation>Choose a device to revoke.</translation>
    </message>
    <message>
        <source>Afficher les appareils</source>
        <translation>Show the devices</translation>
    </message>
    <message>
        <source>Demander la liste au service.</source>
        <translation>Ask the service for the list.</translation>
    </message>
    <message>
        <source>Révoquer l'appareil choisi</source>
        <translation>Revoke the chosen device</translation>
    </message>
    <message>
        <source>Une question vous demandera de confirmer. Cet ordinateur ne peut pas être révoqué d'ici.</source>
        <translation>A question will ask you to confirm. This computer cannot be revoked from here.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Ajouter un document</source>
        <translation>Add a document</translation>
    </message>
    <message>
        <source>Le document est ajouté au dossier ouvert ; le patient est prévenu.</source>
        <translation>The document is added to the open record; the patient is told.</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Les catégories que votre profession peut ajouter.</source>
        <translation>The categories your profession may add.</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Obligatoire.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>JJ/MM/AAAA</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <source>Date du document</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>Facultative, JJ/MM/AAAA.</source>
        <translation>Optional, DD/MM/YYYY.</translation>
    </message>
    <message>
        <source>Visible par le patient après la consultation d'annonce</source>
        <translation>Visible to the patient after the disclosure consultation</translation>
    </message>
    <message>
        <source>Le patient le verra à la date choisie, au plus tard un mois après l'ajout.</source>
        <translation>The patient will see it on the chosen date, at most one month after it is added.</translation>
    </message>
    <message>
        <source>Visible à partir du</source>
        <translation>Visible from</translation>
    </message>
    <message>
        <source>JJ/MM/AAAA, dans le mois qui vient.</source>
        <translation>DD/MM/YYYY, within the coming month.</translation>
    </message>
    <message>
        <source>Soins confidentiels du mineur</source>
        <translation>A minor's confidential care</translation>
    </message>
    <message>
        <source>Un mineur qui garde ces soins secrets : ses représentants légaux ne le voient pas.</source>
        <translation>A minor keeping this care secret: their legal representatives do not see it.</translation>
    </message>
    <message>
        <source>Ajouter le document</source>
        <translation>Add the document</translation>
    </message>
    <message>
        <source>Enregistrer sur ce poste ; envoi dès que possible.</source>
        <translation>Saved on this workstation; sent as soon as possible.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fermer sans rien ajouter.</source>
        <translation>Close without adding anything.</translation>
    </message>
    <message>
        <source>Date invalide : JJ/MM/AAAA.</source>
        <translation>Invalid date: DD/MM/YYYY.</translation>
    </message>
    <message>
        <source>Indiquez à partir de quand le patient le verra.</source>
        <translation>Say from when the patient will see it.</translation>
    </message>
    <message>
        <source>Le titre est obligatoire.</source>
        <translation>The title is required.</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Document affiché : %1</source>
        <translation>Document shown: %1</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Page %1 sur %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Raccourci : %1</source>
        <translation>Shortcut: %1</translation>
    </message>
    <message>
        <source>Choisissez un document dans la liste pour l'afficher ici.</source>
        <translation>Choose a document in the list to show it here.</translation>
    </message>
    <message>
        <source>Ce PDF est illisible (fichier abîmé ?) : il ne peut pas être affiché.</source>
        <translation>This PDF cannot be read (damaged file?): it cannot be shown.</translation>
    </message>
    <message>
        <source>Ce format ne peut pas être affiché dans Carnet.</source>
        <translation>This format cannot be shown in Carnet.</translation>
    </message>
    <message>
        <source>Aucun document affiché</source>
        <translation>No document shown</translation>
    </message>
    <message>
        <source>Visionneuse de document</source>
        <translation>Document viewer</translation>
    </message>
    <message>
        <source>Document PDF</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>Image du document</source>
        <translation>Document image</translation>
    </message>
    <message>
        <source>Texte du document</source>
        <translation>Document text</translation>
    </message>
    <message>
        <source>Document médical CDA</source>
        <translation>CDA medical document</translation>
    </message>
    <message>
        <source>Ajuster à la largeur</source>
        <translation>Fit to width</translation>
    </message>
    <message>
        <source>Taille normale</source>
        <translation>Normal size</translation>
    </message>
    <message>
        <source>Agrandir</source>
        <translation>Enlarge</translation>
    </message>
    <message>
        <source>Remettre dans la page</source>
        <translation>Put back in the page</translation>
    </message>
    <message>
        <source>Ouvrir dans une fenêtre</source>
        <translation>Open in a window</translation>
    </message>
    <message>
        <source>La page occupe toute la largeur de la visionneuse.</source>
        <translation>The page fills the whole width of the viewer.</translation>
    </message>
    <message>
        <source>Afficher la page plus petite.</source>
        <translation>Show the page smaller.</translation>
    </message>
    <message>
        <source>Afficher la page plus grande.</source>
        <translation>Show the page larger.</translation>
    </message>
    <message>
        <source>Donner à la visionneuse toute la place de la page, ou la lui rendre.</source>
        <translation>Give the viewer all of the page's room, or give it back.</translation>
    </message>
    <message>
        <source>Afficher le document dans une fenêtre séparée, que vous pouvez agrandir ; Échap l'y remet.</source>
        <translation>Show the document in a separate window you can enlarge; Esc puts it back.</translation>
    </message>
    <message>
        <source>Zoom arrière</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom avant</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Page affichée</source>
        <translation>Page shown</translation>
    </message>
    <message>
        <source>Le document est affiché dans une fenêtre séparée.</source>
        <translation>The document is shown in a separate window.</translation>
    </message>
    <message>
        <source>Remettre le document ici</source>
        <translation>Put the document back here</translation>
    </message>
    <message>
        <source>Fermer la fenêtre séparée.</source>
        <translation>Close the separate window.</translation>
    </message>
    <message>
        <source>Document — %1</source>
        <translation>Document — %1</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Moi</source>
        <translation>Me</translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation>A health professional</translation>
    </message>
    <message>
        <source>L'Assurance Maladie</source>
        <translation>The health insurer</translation>
    </message>
    <message>
        <source>Le service Carnet</source>
        <translation>The Carnet service</translation>
    </message>
    <message>
        <source>Masqué aux professionnels</source>
        <translation>Hidden from professionals</translation>
    </message>
    <message>
        <source>Visible des professionnels autorisés</source>
        <translation>Visible to authorised professionals</translation>
    </message>
    <message>
        <source>Masqué</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Ajouter un document</source>
        <translation>Add a document</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;Tous les fichiers (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;All files (*)</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Confidentialité</source>
        <translation>Confidentiality</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Ajouter « %1 »</source>
        <translation>Add “%1”</translation>
    </message>
    <message>
        <source>Ajouter les éléments du document ?</source>
        <translation>Add the document’s items?</translation>
    </message>
    <message>
        <source>Ce document contient %1 élément(s) (vaccinations, résultats, traitements, allergies, maladies). Les ajouter à votre carnet ? Ils seront indiqués comme importés de ce document.</source>
        <translation>This document holds %1 item(s) (vaccinations, results, treatments, allergies, illnesses). Add them to your record? They will be shown as imported from this document.</translation>
    </message>
    <message>
        <source>Ajouter au carnet</source>
        <translation>Add to my record</translation>
    </message>
    <message>
        <source>Pas maintenant</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Éléments ajoutés</source>
        <translation>Items added</translation>
    </message>
    <message>
        <source>Le document « %1 » ne sera plus visible des professionnels de santé.</source>
        <translation>The document “%1” will no longer be visible to health professionals.</translation>
    </message>
    <message>
        <source>Son auteur, votre médecin traitant et vos administrateurs le verront encore.</source>
        <translation>Its author, your GP and your administrators will still see it.</translation>
    </message>
    <message>
        <source>Vous pourrez le démasquer à tout moment.</source>
        <translation>You can unhide it at any time.</translation>
    </message>
    <message>
        <source>Masquer ce document ?</source>
        <translation>Hide this document?</translation>
    </message>
    <message>
        <source>Masquer</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Le document « %1 » sera de nouveau visible des professionnels que vous avez autorisés.</source>
        <translation>The document “%1” will be visible again to the professionals you authorised.</translation>
    </message>
    <message>
        <source>Démasquer ce document ?</source>
        <translation>Unhide this document?</translation>
    </message>
    <message>
        <source>Démasquer</source>
        <translation>Unhide</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Document « %1 » masqué.</source>
        <translation>Document '%1' masked.</translation>
    </message>
    <message>
        <source>Document « %1 » démasqué.</source>
        <translation>Document '%1' unmasked.</translation>
    </message>
    <message>
        <source>Le document « %1 » sera supprimé de votre carnet. Cette action ne peut pas être annulée.</source>
        <translation>The document “%1” will be deleted from your record. This cannot be undone.</translation>
    </message>
    <message>
        <source>Supprimer ce document ?</source>
        <translation>Delete this document?</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Le fichier n'a pas pu être lu. Vérifiez qu'il existe toujours et réessayez.</source>
        <translation>The file could not be read. Check that it still exists and try again.</translation>
    </message>
    <message>
        <source>L'opération a échoué ; rien n'a été modifié.</source>
        <translation>The operation failed; nothing was changed.</translation>
    </message>
    <message>
        <source>&amp;Démasquer</source>
        <translation>Un&amp;hide</translation>
    </message>
    <message>
        <source>&amp;Masquer</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <source>Ajouté par : %1 · %2</source>
        <translation>Added by: %1 · %2</translation>
    </message>
    <message>
        <source>Ce document ne peut pas être supprimé, seulement masqué.</source>
        <translation>This document cannot be deleted, only hidden.</translation>
    </message>
    <message>
        <source>Les documents ajoutés par un professionnel ou l'Assurance Maladie ne peuvent être que masqués.</source>
        <translation>Documents added by a professional or the health insurer can only be hidden.</translation>
    </message>
    <message>
        <source>Supprimer le document choisi.</source>
        <translation>Delete the chosen document.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>&amp;Catégorie :</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>Toutes les catégories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>&amp;Ajouter un document…</source>
        <translation>&amp;Add a document…</translation>
    </message>
    <message>
        <source>A&amp;fficher</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Vous pouvez aussi glisser un fichier dans cette fenêtre.</source>
        <translation>You can also drag a file into this window.</translation>
    </message>
    <message>
        <source>&amp;Titre :</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Caté&amp;gorie :</source>
        <translation>Cate&amp;gory:</translation>
    </message>
    <message>
        <source>Date du &amp;document :</source>
        <translation>&amp;Document date:</translation>
    </message>
    <message>
        <source>&amp;Enregistrer le document</source>
        <translation>&amp;Save the document</translation>
    </message>
    <message>
        <source>A&amp;nnuler</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Filtrer par catégorie</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <source>N'afficher que les documents de cette catégorie.</source>
        <translation>Show only the documents of this category.</translation>
    </message>
    <message>
        <source>Liste des documents</source>
        <translation>List of documents</translation>
    </message>
    <message>
        <source>Entrée pour afficher le document choisi.</source>
        <translation>Enter to view the chosen document.</translation>
    </message>
    <message>
        <source>Choisir un fichier PDF, une image ou un texte.</source>
        <translation>Choose a PDF file, an image or a text.</translation>
    </message>
    <message>
        <source>Afficher</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Afficher le document choisi dans Carnet.</source>
        <translation>View the chosen document in Carnet.</translation>
    </message>
    <message>
        <source>Masquer ou démasquer</source>
        <translation>Hide or unhide</translation>
    </message>
    <message>
        <source>Cacher le document aux professionnels, ou le montrer.</source>
        <translation>Hide the document from professionals, or show it.</translation>
    </message>
    <message>
        <source>Titre du document</source>
        <translation>Document title</translation>
    </message>
    <message>
        <source>Catégorie du document</source>
        <translation>Document category</translation>
    </message>
    <message>
        <source>Date du document</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>Enregistrer le document</source>
        <translation>Save the document</translation>
    </message>
    <message>
        <source>Chiffrer et ranger le fichier dans le carnet.</source>
        <translation>Encrypt the file and keep it in the record.</translation>
    </message>
    <message>
        <source>Ne pas ajouter ce fichier.</source>
        <translation>Do not add this file.</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Profil médical</source>
        <translation>Medical profile</translation>
    </message>
    <message>
        <source>Mesures</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Histoire de santé</source>
        <translation>Health history</translation>
    </message>
    <message>
        <source>Historique des accès</source>
        <translation>Access history</translation>
    </message>
    <message>
        <source>Accès et confidentialité</source>
        <translation>Access and privacy</translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Messagerie</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n non lue(s))</source>
        <translation>
            <numerusform>%1 (%n unread)</numerusform>
            <numerusform>%1 (%n unread)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n message(s) non lu(s))</source>
        <translation>
            <numerusform>%1 (%n unread message)</numerusform>
            <numerusform>%1 (%n unread messages)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Rubriques du carnet</source>
        <translation>Sections of the record</translation>
    </message>
    <message>
        <source>Ctrl+1 à Ctrl+%1 pour changer de rubrique.</source>
        <translation>Ctrl+1 to Ctrl+%1 to change section.</translation>
    </message>
    <message>
        <source>Prévention</source>
        <translation>Prevention</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Mes demandes de dossier</source>
        <translation>My records requests</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Saisissez le mot de passe de votre carnet.</source>
        <translation>Enter your record's password.</translation>
    </message>
    <message>
        <source>Les deux phrases de passe diffèrent.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Fichiers FHIR (*.json)</source>
        <translation>FHIR files (*.json)</translation>
    </message>
    <message>
        <source>Archives Carnet (*.carnet)</source>
        <translation>Carnet archives (*.carnet)</translation>
    </message>
    <message>
        <source>Télécharger mes données</source>
        <translation>Download my data</translation>
    </message>
    <message>
        <source>Préparation de vos données…</source>
        <translation>Preparing your data…</translation>
    </message>
    <message>
        <source>Téléchargement des documents… %1 %</source>
        <translation>Downloading documents… %1%</translation>
    </message>
    <message>
        <source>Vos données sont enregistrées dans %1.</source>
        <translation>Your data is saved in %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) ne sont pas encore sur cet ordinateur et n'y sont pas : synchronisez, puis téléchargez de nouveau.</source>
        <translation>
            <numerusform>%n document is not on this computer yet and is left out: sync, then download again.</numerusform>
            <numerusform>%n documents are not on this computer yet and are left out: sync, then download again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ce fichier n'est pas chiffré : gardez-le en lieu sûr et supprimez-le après usage.</source>
        <translation>This file is not encrypted: keep it safe and delete it when done.</translation>
    </message>
    <message>
        <source>Téléchargement terminé</source>
        <translation>Download complete</translation>
    </message>
    <message>
        <source>Télécharger toutes mes données</source>
        <translation>Download all my data</translation>
    </message>
    <message>
        <source>La synthèse IPS est le résumé international de votre santé ; le dossier FHIR contient tout, avec vos documents ; l'archive chiffrée permet de restaurer le carnet sur un autre ordinateur. Le fichier est écrit à l'endroit que vous choisissez.</source>
        <translation>The IPS summary is the international summary of your health; the FHIR record holds everything, with your documents; the encrypted archive lets you restore the record on another computer. The file is written where you choose.</translation>
    </message>
    <message>
        <source>&amp;Synthèse IPS (FHIR)</source>
        <translation>IPS &amp;summary (FHIR)</translation>
    </message>
    <message>
        <source>Tout le &amp;dossier (FHIR), avec vos documents</source>
        <translation>The whole &amp;record (FHIR), with your documents</translation>
    </message>
    <message>
        <source>&amp;Archive chiffrée de tout le carnet</source>
        <translation>Encrypted &amp;archive of the whole record</translation>
    </message>
    <message>
        <source>L'archive est chiffrée avec la phrase de passe que vous choisissez ci-dessous. Sans elle, personne — vous non plus — ne pourra la lire.</source>
        <translation>The archive is encrypted with the passphrase you choose below. Without it, nobody — you included — can read it.</translation>
    </message>
    <message>
        <source>Attention : un fichier FHIR n'est pas chiffré. Toute personne qui y a accès peut lire vos données de santé. Gardez-le en lieu sûr et supprimez-le après usage.</source>
        <translation>Warning: a FHIR file is not encrypted. Anyone who can reach it can read your health data. Keep it safe and delete it when done.</translation>
    </message>
    <message>
        <source>&amp;Mot de passe du carnet :</source>
        <translation>Record &amp;password:</translation>
    </message>
    <message>
        <source>P&amp;hrase de passe de l'archive :</source>
        <translation>Archive pass&amp;phrase:</translation>
    </message>
    <message>
        <source>&amp;Confirmez la phrase de passe :</source>
        <translation>&amp;Confirm the passphrase:</translation>
    </message>
    <message>
        <source>Mot de passe du carnet</source>
        <translation>Record password</translation>
    </message>
    <message>
        <source>Demandé de nouveau pour exporter.</source>
        <translation>Asked again before an export.</translation>
    </message>
    <message>
        <source>Phrase de passe de l'archive</source>
        <translation>Archive passphrase</translation>
    </message>
    <message>
        <source>Au moins 12 caractères.</source>
        <translation>At least 12 characters.</translation>
    </message>
    <message>
        <source>Confirmation de la phrase de passe</source>
        <translation>Passphrase confirmation</translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>&amp;Télécharger…</source>
        <translation>&amp;Download…</translation>
    </message>
    <message>
        <source>Télécharger</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Choisir où écrire le fichier, puis l'écrire.</source>
        <translation>Choose where to write the file, then write it.</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer cette fenêtre.</source>
        <translation>Close this window.</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Accès en urgence (bris de glace)</source>
        <translation>Emergency access (break the glass)</translation>
    </message>
    <message>
        <source>Accès en urgence : tracé, le patient en est informé.</source>
        <translation>Emergency access: logged, the patient is informed.</translation>
    </message>
    <message>
        <source>Cet accès est tracé et le patient en est informé. Indiquez son INS et le motif de l'urgence (au moins %1 caractères).</source>
        <translation>This access is logged and the patient is informed. Enter their INS and the reason for the emergency (at least %1 characters).</translation>
    </message>
    <message>
        <source>INS du patient</source>
        <translation>Patient's INS</translation>
    </message>
    <message>
        <source>Identifiant national de santé du patient.</source>
        <translation>The patient's national health identifier.</translation>
    </message>
    <message>
        <source>Choisissez le motif dans la liste.</source>
        <translation>Choose the reason from the list.</translation>
    </message>
    <message>
        <source>Précisions</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Obligatoire, au moins %1 caractères.</source>
        <translation>Required, at least %1 characters.</translation>
    </message>
    <message>
        <source>Demander l'accès au service.</source>
        <translation>Request access from the service.</translation>
    </message>
    <message>
        <source>Fermer sans rien demander.</source>
        <translation>Close without requesting anything.</translation>
    </message>
    <message>
        <source>Urgence vitale</source>
        <translation>Life-threatening emergency</translation>
    </message>
    <message>
        <source>Patient inconscient ou hors d'état d'exprimer sa volonté</source>
        <translation>Patient unconscious or unable to express their wishes</translation>
    </message>
    <message>
        <source>Régulation médicale (centre 15)</source>
        <translation>Emergency medical dispatch (SAMU, 15)</translation>
    </message>
    <message>
        <source>Soins urgents, patient et proches injoignables</source>
        <translation>Urgent care, patient and relatives unreachable</translation>
    </message>
    <message>
        <source>Autre (à préciser)</source>
        <translation>Other (give details)</translation>
    </message>
    <message>
        <source>Motif de l'urgence</source>
        <translation>Reason for the emergency</translation>
    </message>
    <message>
        <source>Ouvrir en urgence</source>
        <translation>Open in an emergency</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message>
        <source>Fin de journée</source>
        <translation>End of day</translation>
    </message>
    <message>
        <source>Ce que la journée laisse sur ce poste, à imprimer.</source>
        <translation>What the day leaves on this workstation, to print.</translation>
    </message>
    <message>
        <source>Feuille de fin de journée</source>
        <translation>End-of-day sheet</translation>
    </message>
    <message>
        <source>Dossiers ouverts, ajouts, envois, effacements.</source>
        <translation>Dossiers opened, additions, sending, erasures.</translation>
    </message>
    <message>
        <source>Envoyer maintenant</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Envoyer au service ce qui attend encore.</source>
        <translation>Send what still waits to the service.</translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Imprimer la feuille de fin de journée.</source>
        <translation>Print the end-of-day sheet.</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Revenir au poste de soins.</source>
        <translation>Back to the workstation.</translation>
    </message>
    <message>
        <source>Dossiers ouverts (%1)</source>
        <translation>Dossiers opened (%1)</translation>
    </message>
    <message>
        <source>en ligne</source>
        <translation>online</translation>
    </message>
    <message>
        <source>hors ligne, depuis la copie de ce poste</source>
        <translation>offline, from this workstation's copy</translation>
    </message>
    <message>
        <source>Aucun dossier ouvert aujourd'hui.</source>
        <translation>No dossier opened today.</translation>
    </message>
    <message>
        <source>Ajouté et envoyé (%1)</source>
        <translation>Added and sent (%1)</translation>
    </message>
    <message>
        <source>Rien.</source>
        <translation>Nothing.</translation>
    </message>
    <message>
        <source>Pas encore envoyé, et pourquoi (%1)</source>
        <translation>Not sent yet, and why (%1)</translation>
    </message>
    <message>
        <source>en attente : le service n'a pas encore été joint ; envoyé dès la prochaine connexion.</source>
        <translation>waiting: the service has not been reached yet; sent at the next connection.</translation>
    </message>
    <message>
        <source>Tout a été envoyé.</source>
        <translation>Everything was sent.</translation>
    </message>
    <message>
        <source>%1 ouverture(s) hors ligne pas encore signalée(s) au service (historique des accès du patient).</source>
        <translation>%1 offline opening(s) not yet reported to the service (the patient's access history).</translation>
    </message>
    <message>
        <source>Copies gardées sur ce poste et leur effacement</source>
        <translation>Copies kept on this workstation and their erasure</translation>
    </message>
    <message>
        <source>%1 — effacée de ce poste le %2 (fin du bail)</source>
        <translation>%1 — erased from this workstation on %2 (end of the lease)</translation>
    </message>
    <message>
        <source>Aucune copie sur ce poste.</source>
        <translation>No copy on this workstation.</translation>
    </message>
</context>
<context>
    <name>EntryColumns</name>
    <message>
        <source>Rubrique</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Élément</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source> (obligatoire)</source>
        <translation> (required)</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>JJ/MM/AAAA, MM/AAAA ou AAAA</source>
        <translation>DD/MM/YYYY, MM/YYYY or YYYY</translation>
    </message>
    <message>
        <source>JJ/MM/AAAA HH:MM</source>
        <translation>DD/MM/YYYY HH:MM</translation>
    </message>
    <message>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <source>L'enregistrement a échoué ; vos saisies sont conservées.</source>
        <translation>Saving failed; what you typed is kept.</translation>
    </message>
    <message>
        <source>&amp;Ajouter</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Vider le formulaire</source>
        <translation>C&amp;lear the form</translation>
    </message>
    <message>
        <source>Enregistrer cet élément dans « %1 ».</source>
        <translation>Save this item in “%1”.</translation>
    </message>
    <message>
        <source>Vider le formulaire</source>
        <translation>Clear the form</translation>
    </message>
    <message>
        <source>Effacer les champs saisis.</source>
        <translation>Erase the fields typed in.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Où enregistrer la sauvegarde du carnet ?</source>
        <translation>Where should the record's backup go?</translation>
    </message>
    <message>
        <source>Sauvegarde du carnet…</source>
        <translation>Backing up the record…</translation>
    </message>
    <message>
        <source>Sauvegarde impossible</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Sauvegarde terminée</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <source>Votre carnet est sauvegardé, chiffré, dans le dossier %1. La sauvegarde s'ouvre avec votre mot de passe actuel : gardez-la sur une clé USB ou un disque à part.</source>
        <translation>Your record is backed up, encrypted, in the folder %1. The backup opens with your current password: keep it on a USB key or a separate disk.</translation>
    </message>
    <message>
        <source>Choisissez le dossier de la sauvegarde (carnet-…)</source>
        <translation>Choose the backup folder (carnet-…)</translation>
    </message>
    <message>
        <source>Restauration impossible</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>Restauration du carnet…</source>
        <translation>Restoring the record…</translation>
    </message>
    <message>
        <source>Carnet restauré</source>
        <translation>Record restored</translation>
    </message>
    <message>
        <source>Le carnet « %1 » est restauré et ouvert.</source>
        <translation>The record '%1' is restored and open.</translation>
    </message>
    <message>
        <source>Choisissez l'archive chiffrée à restaurer</source>
        <translation>Choose the encrypted archive to restore</translation>
    </message>
    <message>
        <source>Archives Carnet (*.carnet)</source>
        <translation>Carnet archives (*.carnet)</translation>
    </message>
    <message>
        <source>Importer un fichier FHIR ou CDA</source>
        <translation>Import a FHIR or CDA file</translation>
    </message>
    <message>
        <source>Fichiers FHIR ou CDA (*.json *.xml)</source>
        <translation>FHIR or CDA files (*.json *.xml)</translation>
    </message>
    <message>
        <source>Import impossible</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>« %1 » ne peut pas être importé ; rien n'a été modifié.
%2</source>
        <translation>'%1' cannot be imported; nothing was changed.
%2</translation>
    </message>
    <message>
        <source>Import terminé</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>« %1 » : %2 élément(s) et %3 document(s) ajoutés, %4 fusionné(s), %5 ignoré(s).</source>
        <translation>'%1': %2 item(s) and %3 document(s) added, %4 merged, %5 skipped.</translation>
    </message>
    <message>
        <source>&amp;Exporter / Imprimer</source>
        <translation>&amp;Export / Print</translation>
    </message>
    <message>
        <source>&amp;Télécharger toutes mes données…</source>
        <translation>&amp;Download all my data…</translation>
    </message>
    <message>
        <source>&amp;Sauvegarder le carnet…</source>
        <translation>&amp;Back up the record…</translation>
    </message>
    <message>
        <source>&amp;Restaurer une sauvegarde…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>Restaurer une &amp;archive chiffrée…</source>
        <translation>Restore an encrypted &amp;archive…</translation>
    </message>
    <message>
        <source>&amp;Importer un fichier (FHIR, CDA)…</source>
        <translation>&amp;Import a file (FHIR, CDA)…</translation>
    </message>
</context>
<context>
    <name>ExportDoors</name>
    <message>
        <source>Le fichier n'a pas pu être écrit ou lu (%1).</source>
        <translation>The file could not be written or read (%1).</translation>
    </message>
    <message>
        <source>L'opération a échoué. Rien n'a été modifié.</source>
        <translation>The operation failed. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>ForgotIdentifierSteps</name>
    <message>
        <source>Saisissez l'adresse e-mail donnée à l'activation (avec un @).</source>
        <translation>Enter the e-mail address given at activation (with an @).</translation>
    </message>
    <message>
        <source>Envoi de la demande au service…</source>
        <translation>Sending the request to the service…</translation>
    </message>
    <message>
        <source>Identifiant oublié</source>
        <translation>Forgotten identifier</translation>
    </message>
    <message>
        <source>Votre adresse e-mail</source>
        <translation>Your e-mail address</translation>
    </message>
    <message>
        <source>Regardez vos e-mails</source>
        <translation>Check your e-mails</translation>
    </message>
    <message>
        <source>Saisissez l'adresse e-mail où vous recevez les messages de Mon espace santé : votre identifiant vous y sera envoyé.</source>
        <translation>Enter the e-mail address where you receive Mon espace santé messages: your identifier will be sent there.</translation>
    </message>
    <message>
        <source>Adresse &amp;e-mail :</source>
        <translation>&amp;E-mail address:</translation>
    </message>
    <message>
        <source>Si un compte correspond à %1, un e-mail avec votre identifiant vient d'y être envoyé. Pensez à regarder dans les courriers indésirables. Rien reçu d'ici quelques minutes ? Vérifiez l'adresse, ou utilisez l'adresse donnée à l'activation.</source>
        <translation>If an account matches %1, an e-mail with your identifier has just been sent there. Remember to look in your spam folder. Nothing within a few minutes? Check the address, or use the address given at activation.</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Envoyer</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Adresse e-mail</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>L'adresse donnée à l'activation.</source>
        <translation>The address given at activation.</translation>
    </message>
    <message>
        <source>Demander l'identifiant.</source>
        <translation>Ask for the identifier.</translation>
    </message>
    <message>
        <source>Revenir en arrière.</source>
        <translation>Go back.</translation>
    </message>
</context>
<context>
    <name>ForgotPasswordSteps</name>
    <message>
        <source>Saisissez votre identifiant.</source>
        <translation>Enter your identifier.</translation>
    </message>
    <message>
        <source>Envoi de la demande au service…</source>
        <translation>Sending the request to the service…</translation>
    </message>
    <message>
        <source>Le code reçu par e-mail compte 6 chiffres.</source>
        <translation>The code received by e-mail has 6 digits.</translation>
    </message>
    <message>
        <source>Changement du mot de passe…</source>
        <translation>Changing the password…</translation>
    </message>
    <message>
        <source>Envoi d'un nouveau code…</source>
        <translation>Sending a new code…</translation>
    </message>
    <message>
        <source>Un nouveau code vient d'être envoyé ; le précédent ne fonctionne plus.</source>
        <translation>A new code has just been sent; the previous one no longer works.</translation>
    </message>
    <message>
        <source>Mot de passe oublié</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <source>Votre identifiant</source>
        <translation>Your identifier</translation>
    </message>
    <message>
        <source>Le code reçu et votre nouveau mot de passe</source>
        <translation>The code received and your new password</translation>
    </message>
    <message>
        <source>Mot de passe changé</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Un code à 6 chiffres sera envoyé à l'adresse e-mail de votre compte. Identifiant oublié aussi ? Fermez cette fenêtre et choisissez « Identifiant oublié ».</source>
        <translation>A 6-digit code will be sent to your account's e-mail address. Forgotten your identifier too? Close this window and choose 'Forgotten identifier'.</translation>
    </message>
    <message>
        <source>&amp;Identifiant :</source>
        <translation>&amp;Identifier:</translation>
    </message>
    <message>
        <source>Si ce compte existe, un code vient d'être envoyé à son adresse e-mail ; il est valable quelques minutes. Choisissez ensuite votre nouveau mot de passe.</source>
        <translation>If this account exists, a code has just been sent to its e-mail address; it is valid for a few minutes. Then choose your new password.</translation>
    </message>
    <message>
        <source>Code reçu par &amp;e-mail :</source>
        <translation>Code received by &amp;e-mail:</translation>
    </message>
    <message>
        <source>Re&amp;nvoyer le code</source>
        <translation>Se&amp;nd the code again</translation>
    </message>
    <message>
        <source>&amp;Nouveau mot de passe :</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>C&amp;onfirmer le nouveau mot de passe :</source>
        <translation>C&amp;onfirm the new password:</translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte est changé, et vos appareils sont déconnectés. Connectez-vous avec le nouveau. Le carnet déjà présent sur cet ordinateur garde son propre mot de passe : ouvrez-le avec l'ancien (ou votre clé de secours), puis changez-le dans Paramètres.</source>
        <translation>Your account's password is changed, and your devices are signed out. Sign in with the new one. The record already on this computer keeps its own password: open it with the old one (or your recovery key), then change it in Settings.</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Changer le mot de passe</source>
        <translation>&amp;Change the password</translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>L'identifiant choisi à l'activation.</source>
        <translation>The identifier chosen at activation.</translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation>Code received by e-mail</translation>
    </message>
    <message>
        <source>6 chiffres.</source>
        <translation>6 digits.</translation>
    </message>
    <message>
        <source>Renvoyer le code</source>
        <translation>Send the code again</translation>
    </message>
    <message>
        <source>Recevoir un nouveau code par e-mail.</source>
        <translation>Receive a new code by e-mail.</translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Confirmer le nouveau mot de passe</source>
        <translation>Confirm the new password</translation>
    </message>
    <message>
        <source>Saisissez-le une seconde fois.</source>
        <translation>Type it a second time.</translation>
    </message>
    <message>
        <source>Passer à l'étape suivante.</source>
        <translation>Go to the next step.</translation>
    </message>
    <message>
        <source>Revenir en arrière.</source>
        <translation>Go back.</translation>
    </message>
</context>
<context>
    <name>HeirRequestDialog</name>
    <message>
        <source>Connaître les causes de son décès</source>
        <translation>Know the causes of their death</translation>
    </message>
    <message>
        <source>Défendre sa mémoire</source>
        <translation>Defend their memory</translation>
    </message>
    <message>
        <source>Faire valoir mes droits</source>
        <translation>Assert my rights</translation>
    </message>
    <message>
        <source>Saisissez son numéro de sécurité sociale (15 chiffres).</source>
        <translation>Enter their social security number (15 digits).</translation>
    </message>
    <message>
        <source>Dites en quelques mots ce qui justifie votre demande.</source>
        <translation>Say in a few words what justifies your request.</translation>
    </message>
    <message>
        <source>Envoi de la demande…</source>
        <translation>Sending the request…</translation>
    </message>
    <message>
        <source>La demande n'a pas abouti. Réessayez plus tard.</source>
        <translation>The request did not go through. Try again later.</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint : la demande demande une connexion.</source>
        <translation>The service could not be reached: the request needs a connection.</translation>
    </message>
    <message>
        <source>Demande refusée : %1</source>
        <translation>Request refused: %1</translation>
    </message>
    <message>
        <source>Un proche est décédé</source>
        <translation>A relative has died</translation>
    </message>
    <message>
        <source>Héritier, partenaire de PACS ou concubin d'une personne décédée, vous pouvez demander l'accès à son dossier pour l'une de ces trois raisons, sauf si elle s'y est opposée de son vivant. Vous ne verrez que ce que cette raison demande. Votre demande est conservée, avec votre identité.</source>
        <translation>As the heir, PACS partner or cohabiting partner of a deceased person, you may ask for access to their record for one of these three reasons, unless they opposed it during their lifetime. You will see only what that reason needs. Your request is kept, with your identity.</translation>
    </message>
    <message>
        <source>&amp;Je suis :</source>
        <translation>&amp;I am:</translation>
    </message>
    <message>
        <source>son héritier ou son héritière</source>
        <translation>their heir</translation>
    </message>
    <message>
        <source>son partenaire de PACS</source>
        <translation>their PACS partner</translation>
    </message>
    <message>
        <source>son concubin ou sa concubine</source>
        <translation>their cohabiting partner</translation>
    </message>
    <message>
        <source>Votre lien avec la personne décédée</source>
        <translation>Your relationship to the deceased person</translation>
    </message>
    <message>
        <source>&amp;Pour :</source>
        <translation>&amp;For:</translation>
    </message>
    <message>
        <source>La raison de votre demande</source>
        <translation>The reason for your request</translation>
    </message>
    <message>
        <source>Son &amp;numéro de sécurité sociale :</source>
        <translation>Their social security &amp;number:</translation>
    </message>
    <message>
        <source>Numéro de sécurité sociale de la personne décédée</source>
        <translation>Social security number of the deceased person</translation>
    </message>
    <message>
        <source>15 chiffres.</source>
        <translation>15 digits.</translation>
    </message>
    <message>
        <source>&amp;Justification :</source>
        <translation>&amp;Justification:</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Par exemple : acte de notoriété, certificat de PACS, justificatif de domicile commun.</source>
        <translation>For example: affidavit of inheritance (acte de notoriété), PACS certificate, proof of a shared address.</translation>
    </message>
    <message>
        <source>&amp;Envoyer la demande</source>
        <translation>S&amp;end the request</translation>
    </message>
    <message>
        <source>Envoyer la demande</source>
        <translation>Send the request</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Ouvrir son dossier…</source>
        <translation>&amp;Open their record…</translation>
    </message>
    <message>
        <source>Ouvrir son dossier</source>
        <translation>Open their record</translation>
    </message>
    <message>
        <source>En lecture seule.</source>
        <translation>Read-only.</translation>
    </message>
    <message>
        <source>Demande acceptée : le dossier de %1 (né(e) le %2) vous est ouvert, pour « %3 » seulement.</source>
        <translation>Request granted: the record of %1 (born %2) is open to you, for “%3” only.</translation>
    </message>
</context>
<context>
    <name>HelperSignIn</name>
    <message>
        <source>E-mail de l'aidant</source>
        <translation>Helper's e-mail</translation>
    </message>
    <message>
        <source>L'adresse de votre compte d'aidant.</source>
        <translation>The address of your helper account.</translation>
    </message>
    <message>
        <source>Mot de passe de l'aidant</source>
        <translation>Helper's password</translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte.</source>
        <translation>The password of your account.</translation>
    </message>
    <message>
        <source>Code reçu par l'aidant</source>
        <translation>Code the helper received</translation>
    </message>
    <message>
        <source>Les 6 chiffres envoyés à votre adresse.</source>
        <translation>The 6 digits sent to your address.</translation>
    </message>
    <message>
        <source>Un code à 6 chiffres vient d'être envoyé à votre adresse e-mail d'aidant.</source>
        <translation>A 6-digit code was just sent to your helper e-mail address.</translation>
    </message>
    <message>
        <source>Première connexion : j'ai reçu un code d'enrôlement</source>
        <translation>First sign-in: I received an enrolment code</translation>
    </message>
    <message>
        <source>Première connexion de l'aidant</source>
        <translation>Helper's first sign-in</translation>
    </message>
    <message>
        <source>Choisir le mot de passe de votre compte d'aidant avec le code reçu par e-mail.</source>
        <translation>Choose the password of your helper account with the code you were e-mailed.</translation>
    </message>
    <message>
        <source>Code d'enrôlement</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Le code reçu par e-mail de votre structure.</source>
        <translation>The code your organisation's registration e-mailed you.</translation>
    </message>
    <message>
        <source>Nouveau mot de passe de l'aidant</source>
        <translation>Helper's new password</translation>
    </message>
    <message>
        <source>Nouveau mot de passe, encore une fois</source>
        <translation>New password, once more</translation>
    </message>
    <message>
        <source>Votre compte d'aidant est prêt : connectez-vous avec votre nouveau mot de passe.</source>
        <translation>Your helper account is ready: sign in with your new password.</translation>
    </message>
    <message>
        <source>Code d'enrôlement reçu par e-mail</source>
        <translation>Enrolment code received by e-mail</translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation>Code received by e-mail</translation>
    </message>
    <message>
        <source>Retour à la connexion</source>
        <translation>Back to sign-in</translation>
    </message>
</context>
<context>
    <name>HelpingBox</name>
    <message>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Née le</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Jusqu'au</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>sans fin</source>
        <translation>no end</translation>
    </message>
    <message>
        <source>En cours</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Terminée</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>La liste n'a pas pu être chargée.</source>
        <translation>The list could not be loaded.</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint. Réessayez plus tard.</source>
        <translation>The service could not be reached. Try again later.</translation>
    </message>
    <message>
        <source>Choisissez d'abord la personne dans la liste.</source>
        <translation>First choose the person in the list.</translation>
    </message>
    <message>
        <source>Votre rôle de proche aidant de %1 est terminé : son dossier ne vous est plus ouvert.</source>
        <translation>Your role as %1's carer has ended: their record is no longer open to you.</translation>
    </message>
    <message>
        <source>Vous ne pourrez plus ouvrir l'espace santé de %1, dès maintenant. Pour l'aider à nouveau, il faudra qu'il ou elle vous invite encore.</source>
        <translation>You will no longer be able to open the health space of %1, from now on. To help them again, they will have to invite you again.</translation>
    </message>
    <message>
        <source>Ne plus aider ?</source>
        <translation>Stop helping?</translation>
    </message>
    <message>
        <source>Ne plus aider</source>
        <translation>Stop helping</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Les personnes que j'aide</source>
        <translation>The people I help</translation>
    </message>
    <message>
        <source>Hors ligne : la liste des personnes que vous aidez se lit une fois le service joint.</source>
        <translation>Offline: the list of the people you help is read once the service is reached.</translation>
    </message>
    <message>
        <source>Hors ligne : copie du %1, les personnes qui vous ont désigné(e) comme proche aidant.</source>
        <translation>Offline: copy of %1, the people who named you as their carer.</translation>
    </message>
    <message>
        <source>Hors ligne : copie du %1, personne ne vous avait désigné(e) comme proche aidant.</source>
        <translation>Offline: copy of %1, nobody had named you as their carer.</translation>
    </message>
    <message>
        <source>Les personnes qui vous ont désigné(e) comme proche aidant, et jusqu'à quand.</source>
        <translation>The people who named you as their carer (proche aidant), and until when.</translation>
    </message>
    <message>
        <source>Personne ne vous a désigné(e) comme proche aidant.</source>
        <translation>Nobody has named you as their carer.</translation>
    </message>
    <message>
        <source>Personne, naissance, fin, état.</source>
        <translation>Person, birth date, end, status.</translation>
    </message>
    <message>
        <source>Quand quelqu'un vous désigne comme proche aidant, une notification vous prévient et la personne apparaît ici, avec la date de fin. Vous n'avez rien à faire pour l'instant.</source>
        <translation>When someone names you as their caregiver, a notification tells you and the person appears here, with the end date. There is nothing to do for now.</translation>
    </message>
    <message>
        <source>&amp;Ouvrir son dossier…</source>
        <translation>&amp;Open their record…</translation>
    </message>
    <message>
        <source>Ouvrir son dossier</source>
        <translation>Open their record</translation>
    </message>
    <message>
        <source>En lecture seule ; l'ouverture est inscrite dans son historique des accès.</source>
        <translation>Read-only; the opening is recorded in their access history.</translation>
    </message>
    <message>
        <source>Dossiers de proches décédés qui vous sont ouverts (comme ayant droit) :</source>
        <translation>Records of deceased relatives open to you (as an heir):</translation>
    </message>
    <message>
        <source>Dossiers de proches décédés</source>
        <translation>Records of deceased relatives</translation>
    </message>
    <message>
        <source>Personne, naissance.</source>
        <translation>Person, birth date.</translation>
    </message>
    <message>
        <source>Ouvrir le dossier de ce &amp;proche…</source>
        <translation>Open this &amp;relative's record…</translation>
    </message>
    <message>
        <source>Ouvrir le dossier de ce proche</source>
        <translation>Open this relative's record</translation>
    </message>
    <message>
        <source>En lecture seule, dans la limite de votre demande.</source>
        <translation>Read-only, within what your request allows.</translation>
    </message>
    <message>
        <source>&amp;Ne plus aider</source>
        <translation>&amp;Stop helping</translation>
    </message>
    <message>
        <source>Demande confirmation.</source>
        <translation>Asks for confirmation.</translation>
    </message>
    <message>
        <source>Un proche est &amp;décédé…</source>
        <translation>A relative has &amp;died…</translation>
    </message>
    <message>
        <source>Un proche est décédé</source>
        <translation>A relative has died</translation>
    </message>
    <message>
        <source>Demander l'accès à son dossier, comme héritier, partenaire de PACS ou concubin.</source>
        <translation>Ask for access to their record, as heir, PACS partner or cohabiting partner.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>… et d'autres dans le profil médical</source>
        <translation>… and more in the medical profile</translation>
    </message>
    <message>
        <source>Aucune allergie connue n'est notée. Ajoutez-en dans le profil médical.</source>
        <translation>No known allergy is recorded. Add them in the medical profile.</translation>
    </message>
    <message>
        <source>Aucun traitement en cours n'est noté.</source>
        <translation>No current treatment is recorded.</translation>
    </message>
    <message>
        <source>Aucun document pour l'instant : ajoutez une ordonnance ou un compte rendu.</source>
        <translation>No document yet: add a prescription or a report.</translation>
    </message>
    <message>
        <source>Accueil — carnet de %1</source>
        <translation>Home — record of %1</translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n élément(s) dans le profil médical</source>
        <translation>
            <numerusform>%n item in the medical profile</numerusform>
            <numerusform>%n items in the medical profile</numerusform>
        </translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Traitements en cours</source>
        <translation>Current treatments</translation>
    </message>
    <message>
        <source>Documents récents</source>
        <translation>Recent documents</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Actions rapides</source>
        <translation>Quick actions</translation>
    </message>
    <message>
        <source>Ajouter une &amp;mesure</source>
        <translation>Add a &amp;measure</translation>
    </message>
    <message>
        <source>Noter un poids, une tension, une glycémie…</source>
        <translation>Record a weight, a blood pressure, a blood sugar…</translation>
    </message>
    <message>
        <source>Ajouter un d&amp;ocument…</source>
        <translation>Add a d&amp;ocument…</translation>
    </message>
    <message>
        <source>Ajouter une ordonnance, un compte rendu…</source>
        <translation>Add a prescription, a report…</translation>
    </message>
    <message>
        <source>Imprimer ma carte d'&amp;urgence</source>
        <translation>Print my &amp;emergency card</translation>
    </message>
    <message>
        <source>Allergies, traitements et personne à prévenir, à garder avec vos papiers.</source>
        <translation>Allergies, treatments and who to call, to keep with your papers.</translation>
    </message>
    <message>
        <source>&amp;Derniers éléments ajoutés ou modifiés</source>
        <translation>&amp;Latest items added or changed</translation>
    </message>
    <message>
        <source>Derniers éléments</source>
        <translation>Latest items</translation>
    </message>
    <message>
        <source>Les éléments du carnet, du plus récent au plus ancien.</source>
        <translation>The items of the record, newest first.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>%1 ×%2 : %3</source>
        <translation>%1 ×%2: %3</translation>
    </message>
    <message>
        <source>Importer %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>Ce que « %1 » apporte à votre carnet</source>
        <translation>What '%1' brings to your record</translation>
    </message>
    <message numerus="yes">
        <source>%n élément(s) à ajouter</source>
        <translation>
            <numerusform>%n item to add</numerusform>
            <numerusform>%n items to add</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n élément(s) déjà présent(s), fusionné(s)</source>
        <translation>
            <numerusform>%n item already there, merged</numerusform>
            <numerusform>%n items already there, merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) à ajouter</source>
        <translation>
            <numerusform>%n document to add</numerusform>
            <numerusform>%n documents to add</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignoré(s)</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>Rien n'est encore enregistré. « Importer » enregistre tout d'un coup ; « Annuler » ne change rien.</source>
        <translation>Nothing is saved yet. 'Import' saves it all at once; 'Cancel' changes nothing.</translation>
    </message>
    <message>
        <source>Ce fichier n'apporte rien de nouveau à votre carnet.</source>
        <translation>This file brings nothing new to your record.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Dans le fichier</source>
        <translation>In the file</translation>
    </message>
    <message>
        <source>À importer</source>
        <translation>To import</translation>
    </message>
    <message>
        <source>Fusionnés</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Ignorés</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>&amp;Ignorés, et pourquoi :</source>
        <translation>&amp;Skipped, and why:</translation>
    </message>
    <message>
        <source>Rien n'est ignoré.</source>
        <translation>Nothing is skipped.</translation>
    </message>
    <message>
        <source>Par type de données</source>
        <translation>By type of data</translation>
    </message>
    <message>
        <source>Ce que le fichier contient et ce qui en sera fait.</source>
        <translation>What the file holds and what will be done with it.</translation>
    </message>
    <message>
        <source>Éléments ignorés</source>
        <translation>Skipped items</translation>
    </message>
    <message>
        <source>Chaque élément ignoré et la raison.</source>
        <translation>Each skipped item and the reason.</translation>
    </message>
    <message>
        <source>&amp;Importer</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Enregistrer tout ce qui est listé, d'un coup.</source>
        <translation>Save everything listed, at once.</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ne rien importer.</source>
        <translation>Import nothing.</translation>
    </message>
</context>
<context>
    <name>LocalCarnetChoice</name>
    <message>
        <source>Votre carnet sur cet ordinateur a son propre mot de passe : saisissez-le.</source>
        <translation>Your record on this computer has its own password: type it.</translation>
    </message>
    <message>
        <source>Relier mon carnet « %1 » à mon compte</source>
        <translation>Link my record “%1” to my account</translation>
    </message>
    <message>
        <source>Créer un nouveau carnet sur cet ordinateur</source>
        <translation>Create a new record on this computer</translation>
    </message>
    <message>
        <source>Un carnet existe déjà sur cet ordinateur. Si c'est le vôtre, reliez-le à votre compte : ses informations seront envoyées une seule fois sur votre espace, sans créer un second carnet.</source>
        <translation>A record already exists on this computer. If it is yours, link it to your account: its information will be sent once to your space, without creating a second record.</translation>
    </message>
    <message>
        <source>Votre carnet sur cet ordina&amp;teur :</source>
        <translation>Your record on this compu&amp;ter:</translation>
    </message>
    <message>
        <source>Mot de passe de ce carnet (s'il &amp;diffère de celui du compte) :</source>
        <translation>This record's password (if it &amp;differs from the account's):</translation>
    </message>
    <message>
        <source>Votre carnet sur cet ordinateur</source>
        <translation>Your record on this computer</translation>
    </message>
    <message>
        <source>Relier un carnet existant ou en créer un.</source>
        <translation>Link an existing record or create one.</translation>
    </message>
    <message>
        <source>Mot de passe du carnet</source>
        <translation>Record password</translation>
    </message>
    <message>
        <source>Laissez vide si c'est le même que celui du compte.</source>
        <translation>Leave empty if it is the same as the account's.</translation>
    </message>
</context>
<context>
    <name>LoginSteps</name>
    <message>
        <source>Saisissez votre identifiant.</source>
        <translation>Enter your identifier.</translation>
    </message>
    <message>
        <source>Saisissez votre mot de passe.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Vérification auprès du service…</source>
        <translation>Checking with the service…</translation>
    </message>
    <message>
        <source>Le code reçu par e-mail compte 6 chiffres.</source>
        <translation>The code received by e-mail has 6 digits.</translation>
    </message>
    <message>
        <source>Connexion et ouverture de votre carnet…</source>
        <translation>Signing in and opening your record…</translation>
    </message>
    <message>
        <source>Envoi du code de déblocage…</source>
        <translation>Sending the unlock code…</translation>
    </message>
    <message>
        <source>Me connecter à mon compte</source>
        <translation>Sign in to my account</translation>
    </message>
    <message>
        <source>Identifiant et mot de passe</source>
        <translation>Identifier and password</translation>
    </message>
    <message>
        <source>Le code reçu par e-mail</source>
        <translation>The code received by e-mail</translation>
    </message>
    <message>
        <source>Si votre carnet est déjà sur cet ordinateur, il s'ouvre ; sinon il est créé et chiffré avec ce même mot de passe.</source>
        <translation>If your record is already on this computer, it opens; otherwise it is created and encrypted with this same password.</translation>
    </message>
    <message>
        <source>&amp;Identifiant :</source>
        <translation>&amp;Identifier:</translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Un code à 6 chiffres vient de vous être envoyé par e-mail. Il est valable quelques minutes.</source>
        <translation>A 6-digit code has just been sent to you by e-mail. It is valid for a few minutes.</translation>
    </message>
    <message>
        <source>Code reçu par &amp;e-mail :</source>
        <translation>Code received by &amp;e-mail:</translation>
    </message>
    <message>
        <source>Identifiant &amp;oublié ?</source>
        <translation>F&amp;orgotten identifier?</translation>
    </message>
    <message>
        <source>Mot de passe oub&amp;lié ?</source>
        <translation>Forgotten pass&amp;word?</translation>
    </message>
    <message>
        <source>Identifiant oublié</source>
        <translation>Forgotten identifier</translation>
    </message>
    <message>
        <source>Recevoir votre identifiant à l'adresse e-mail de votre compte.</source>
        <translation>Receive your identifier at your account's e-mail address.</translation>
    </message>
    <message>
        <source>Mot de passe oublié</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <source>Choisir un nouveau mot de passe avec un code reçu par e-mail.</source>
        <translation>Choose a new password with a code received by e-mail.</translation>
    </message>
    <message>
        <source>Se &amp;connecter</source>
        <translation>Sign &amp;in</translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>L'identifiant choisi à l'activation.</source>
        <translation>The identifier chosen at activation.</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte.</source>
        <translation>The password of your account.</translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation>Code received by e-mail</translation>
    </message>
    <message>
        <source>6 chiffres.</source>
        <translation>6 digits.</translation>
    </message>
    <message>
        <source>Passer à l'étape suivante.</source>
        <translation>Go to the next step.</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Revenir à l'étape précédente ou à l'accueil.</source>
        <translation>Go back to the previous step or to the welcome screen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Carnet verrouillé</source>
        <translation>Record locked</translation>
    </message>
    <message>
        <source>Carnet ouvert : %1</source>
        <translation>Record open: %1</translation>
    </message>
    <message>
        <source>État du carnet</source>
        <translation>Record state</translation>
    </message>
    <message>
        <source>État de la synchronisation</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <source>← &amp;Retour à l'accueil</source>
        <translation>← &amp;Back to the start screen</translation>
    </message>
    <message>
        <source>Ouvrez votre carnet : la demande pour un proche décédé suivra.</source>
        <translation>Open your record: the request about a deceased relative follows.</translation>
    </message>
    <message>
        <source>Retour à l'accueil</source>
        <translation>Back to the start screen</translation>
    </message>
    <message>
        <source>Verrouille la session du professionnel et revient à l'accueil.</source>
        <translation>Locks the professional's session and goes back to the start screen.</translation>
    </message>
    <message>
        <source>Accès retiré</source>
        <translation>Access withdrawn</translation>
    </message>
    <message>
        <source>Cet ordinateur a été retiré de vos appareils (depuis un autre appareil ou par le service). Pour votre sécurité, la copie de votre carnet qu'il gardait est effacée. Vos données enregistrées sur le service ne sont pas touchées : pour retrouver votre carnet ici, reconnectez-vous avec « J'ai déjà un compte ».</source>
        <translation>This computer was removed from your devices (from another device or by the service). For your safety, the copy of your record it kept is erased. Your data stored on the service is not affected: to get your record back here, sign in again with 'I already have an account'.</translation>
    </message>
    <message>
        <source>L'accès de cet ordinateur à ce carnet a été retiré par le service. Sa copie locale est effacée de cet ordinateur ; les données enregistrées sur le service ne sont pas touchées. Si c'est une erreur, demandez à la personne qui gère ce carnet de vous redonner l'accès.</source>
        <translation>The service withdrew this computer's access to this record. Its local copy is erased from this computer; the data stored on the service is not affected. If this is a mistake, ask the person who manages this record to give you access again.</translation>
    </message>
    <message>
        <source>%1 modification(s) faite(s) sur cet ordinateur n'avai(en)t pas encore été envoyée(s) : elle(s) est (sont) perdue(s).</source>
        <translation>%1 change(s) made on this computer had not been sent yet: they are lost.</translation>
    </message>
    <message>
        <source>Toutes vos modifications avaient été envoyées : rien n'est perdu.</source>
        <translation>All your changes had been sent: nothing is lost.</translation>
    </message>
    <message>
        <source>Dernière action</source>
        <translation>Last action</translation>
    </message>
    <message>
        <source>%1 Ctrl+Z pour annuler.</source>
        <translation>%1 Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>L'annulation n'a pas pu être faite : rien n'a été rétabli.</source>
        <translation>The undo could not be done: nothing was brought back.</translation>
    </message>
    <message>
        <source>C'est rétabli.</source>
        <translation>Undone: it is back.</translation>
    </message>
    <message>
        <source>Synchroniser</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Voir…</source>
        <translation>See…</translation>
    </message>
    <message>
        <source>Voir les modifications refusées et les conflits à régler.</source>
        <translation>See the refused changes and the conflicts to resolve.</translation>
    </message>
    <message>
        <source>Synchroniser maintenant avec le service (F5).</source>
        <translation>Sync with the service now (F5).</translation>
    </message>
    <message>
        <source>Carnet — mon carnet de santé</source>
        <translation>Carnet — my health record</translation>
    </message>
    <message>
        <source>Carnet</source>
        <translation>Carnet</translation>
    </message>
    <message>
        <source>Affichage</source>
        <translation>View</translation>
    </message>
    <message>
        <source>&amp;Verrouiller</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Verrouiller le carnet maintenant (Ctrl+L)</source>
        <translation>Lock the record now (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>A&amp;grandir le texte</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <source>&amp;Réduire le texte</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <source>&amp;Contraste élevé</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <source>&amp;Langue</source>
        <translation>Lan&amp;guage</translation>
    </message>
    <message>
        <source>&amp;Synchroniser maintenant</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>Modifications refusées et con&amp;flits…</source>
        <translation>Refused changes and con&amp;flicts…</translation>
    </message>
    <message>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Rétablir ce qui vient d'être supprimé ou masqué.</source>
        <translation>Bring back what was just deleted or masked.</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>La mesure « %1 » du %2 sera supprimée de votre carnet.</source>
        <translation>The “%1” measurement of %2 will be deleted from your record.</translation>
    </message>
    <message>
        <source>L'opération a échoué ; rien n'a été modifié.</source>
        <translation>The operation failed; nothing was changed.</translation>
    </message>
    <message>
        <source>Mesure « %1 » supprimée.</source>
        <translation>Measurement “%1” deleted.</translation>
    </message>
    <message>
        <source>Repère %1 : %2–%3</source>
        <translation>Usual %1: %2–%3</translation>
    </message>
    <message>
        <source>%1 : dernière valeur %2 le %3, de %4 à %5</source>
        <translation>%1: latest value %2 on %3, from %4 to %5</translation>
    </message>
    <message numerus="yes">
        <source>%n mesure(s) sur le graphique</source>
        <translation>
            <numerusform>%n measurement on the chart</numerusform>
            <numerusform>%n measurements on the chart</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 : %2 le %3</source>
        <translation>%1: %2 on %3</translation>
    </message>
    <message>
        <source>Systolique</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>Diastolique</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>&amp;Liste et saisie</source>
        <translation>&amp;List and entry</translation>
    </message>
    <message>
        <source>&amp;Graphique</source>
        <translation>&amp;Chart</translation>
    </message>
    <message>
        <source>Mesures</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>&amp;Mesure :</source>
        <translation>&amp;Measurement:</translation>
    </message>
    <message>
        <source>Ajouter une mesure : %1</source>
        <translation>Add a measurement: %1</translation>
    </message>
    <message>
        <source>Aucune mesure « %1 » pour l'instant.</source>
        <translation>No “%1” measurement yet.</translation>
    </message>
    <message>
        <source>Type de mesure</source>
        <translation>Measurement type</translation>
    </message>
    <message>
        <source>Choisissez la mesure à afficher.</source>
        <translation>Choose the measurement to show.</translation>
    </message>
    <message>
        <source>Historique des mesures</source>
        <translation>Measurement history</translation>
    </message>
    <message>
        <source>Graphique des mesures</source>
        <translation>Measurement chart</translation>
    </message>
    <message>
        <source>Liste ou graphique des mesures</source>
        <translation>Measures as a list or a chart</translation>
    </message>
    <message>
        <source>&amp;Supprimer la mesure</source>
        <translation>&amp;Delete the measurement</translation>
    </message>
    <message>
        <source>Supprimer la mesure</source>
        <translation>Delete the measurement</translation>
    </message>
    <message>
        <source>Supprimer la mesure choisie ; demande confirmation.</source>
        <translation>Delete the selected measurement; asks for confirmation.</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Professionnel</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Non lus</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>close</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>archivée</source>
        <translation>archived</translation>
    </message>
    <message>
        <source>Ce carnet n'est pas relié au service en ligne : la messagerie s'ouvre une fois connecté.</source>
        <translation>This carnet is not linked to the online service: messages open once you are connected.</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint. Réessayez plus tard.</source>
        <translation>The service could not be reached. Try again later.</translation>
    </message>
    <message>
        <source>La messagerie n'a pas pu faire cela.</source>
        <translation>Messages could not do that.</translation>
    </message>
    <message>
        <source>Une réponse en attente a été refusée par le service : %1 Votre texte : « %2 »</source>
        <translation>A waiting reply was refused by the service: %1 Your text: "%2"</translation>
    </message>
    <message>
        <source>Choisissez d'abord une conversation dans la liste.</source>
        <translation>Choose a conversation in the list first.</translation>
    </message>
    <message>
        <source>Vous</source>
        <translation>You</translation>
    </message>
    <message>
        <source>en attente d'envoi</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Clore la conversation</source>
        <translation>Close the conversation</translation>
    </message>
    <message>
        <source>Clore « %1 » ? Ni vous ni %2 ne pourrez plus y répondre.</source>
        <translation>Close "%1"? Neither you nor %2 will be able to reply any more.</translation>
    </message>
    <message>
        <source>Archiver</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Archiver « %1 » ? Elle quitte la liste ; un nouveau message la fait revenir.</source>
        <translation>Archive "%1"? It leaves the list; a new message brings it back.</translation>
    </message>
    <message>
        <source>Supprimer de ma vue</source>
        <translation>Remove from my view</translation>
    </message>
    <message>
        <source>Supprimer « %1 » de votre vue ? Vous ne la verrez plus ; %2 garde sa correspondance.</source>
        <translation>Remove "%1" from your view? You will not see it any more; %2 keeps their correspondence.</translation>
    </message>
    <message>
        <source>%1 Mo</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 Ko</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>Joindre un fichier</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;Tous les fichiers (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;All files (*)</translation>
    </message>
    <message>
        <source>Lu</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Pièce jointe : %1 (%2)</source>
        <translation>Attachment: %1 (%2)</translation>
    </message>
    <message>
        <source>Ce fichier n'a pas pu être lu : vérifiez qu'il existe et réessayez.</source>
        <translation>This file could not be read: check that it exists and try again.</translation>
    </message>
    <message>
        <source>« %1 » est enregistré dans vos documents (%2).</source>
        <translation>“%1” is saved in your documents (%2).</translation>
    </message>
    <message>
        <source>Bloquer cet expéditeur</source>
        <translation>Block this sender</translation>
    </message>
    <message>
        <source>Bloquer %1 ? Ce professionnel ne pourra plus vous écrire ni voir votre dossier, et perd son autorisation. Vous pourrez le débloquer dans Accès et confidentialité.</source>
        <translation>Block %1? This professional will no longer be able to write to you or see your dossier, and loses their authorisation. You can unblock them in Access and privacy.</translation>
    </message>
    <message>
        <source>Bloquer</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>%1 est bloqué(e).</source>
        <translation>%1 is blocked.</translation>
    </message>
    <message>
        <source>%1 / %2 caractères</source>
        <translation>%1 / %2 characters</translation>
    </message>
    <message>
        <source>trop long, raccourcissez-le</source>
        <translation>too long, shorten it</translation>
    </message>
    <message>
        <source>Messagerie</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Les messages que des professionnels de santé vous ont écrits. Seul un professionnel commence une conversation ; vous y répondez (%1 caractères au plus par message).</source>
        <translation>Messages health professionals wrote to you. Only a professional starts a conversation; you reply in it (at most %1 characters per message).</translation>
    </message>
    <message>
        <source>Un professionnel peut vous écrire sans être autorisé à lire votre dossier. Si vous ne voulez plus recevoir ses messages, bloquez-le.</source>
        <translation>A professional can write to you without being authorised to read your dossier. If you no longer want their messages, block them.</translation>
    </message>
    <message>
        <source>Votre réponse est en attente d'envoi : la synchronisation l'envoie dès que le service répond.</source>
        <translation>Your reply is waiting to be sent: the sync sends it as soon as the service answers.</translation>
    </message>
    <message>
        <source>Hors ligne : les conversations gardées sur cet ordinateur. Les nouveaux messages arriveront au retour du service.</source>
        <translation>Offline: the conversations kept on this computer. New messages will arrive when the service is back.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s), %1 message(s) non lu(s).</source>
        <translation>
            <numerusform>%n conversation, %1 unread message(s).</numerusform>
            <numerusform>%n conversations, %1 unread message(s).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choisissez une conversation (Entrée) pour la lire.</source>
        <translation>Choose a conversation (Enter) to read it.</translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Envoyer les réponses en attente et relire la liste.</source>
        <translation>Send the waiting replies and read the list again.</translation>
    </message>
    <message>
        <source>&amp;Envoyer</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Envoyer</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Ctrl+Entrée dans la zone de réponse.</source>
        <translation>Ctrl+Enter in the reply box.</translation>
    </message>
    <message>
        <source>C&amp;lore la conversation</source>
        <translation>C&amp;lose the conversation</translation>
    </message>
    <message>
        <source>A&amp;rchiver</source>
        <translation>Ar&amp;chive</translation>
    </message>
    <message>
        <source>&amp;Supprimer de ma vue</source>
        <translation>Remove from &amp;my view</translation>
    </message>
    <message>
        <source>&amp;Bloquer cet expéditeur</source>
        <translation>&amp;Block this sender</translation>
    </message>
    <message>
        <source>&amp;Joindre un fichier…</source>
        <translation>&amp;Attach a file…</translation>
    </message>
    <message>
        <source>Un document de %1 Mo au plus (PDF, image, texte), envoyé avec votre réponse.</source>
        <translation>A document of %1 MB at most (PDF, image, text), sent with your reply.</translation>
    </message>
    <message>
        <source>Re&amp;tirer la pièce jointe</source>
        <translation>Remo&amp;ve the attachment</translation>
    </message>
    <message>
        <source>Retirer la pièce jointe</source>
        <translation>Remove the attachment</translation>
    </message>
    <message>
        <source>Aucune pièce jointe (%1 Mo au plus).</source>
        <translation>No attachment (%1 MB at most).</translation>
    </message>
    <message>
        <source>Enregistrer dans &amp;mes documents</source>
        <translation>Save to my &amp;documents</translation>
    </message>
    <message>
        <source>Enregistrer dans mes documents</source>
        <translation>Save to my documents</translation>
    </message>
    <message>
        <source>La pièce jointe choisie rejoint vos documents, dans la catégorie choisie, liée à son message.</source>
        <translation>The chosen attachment joins your documents, in the chosen category, linked to its message.</translation>
    </message>
    <message>
        <source>Pièces jointes de la conversation</source>
        <translation>Attachments of the conversation</translation>
    </message>
    <message>
        <source>Catégorie du document</source>
        <translation>Document category</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>La plus récente d'abord ; Entrée ouvre la conversation.</source>
        <translation>Latest first; Enter opens the conversation.</translation>
    </message>
    <message>
        <source>Fil de la conversation</source>
        <translation>Conversation thread</translation>
    </message>
    <message>
        <source>Du premier message au dernier.</source>
        <translation>From the first message to the last.</translation>
    </message>
    <message>
        <source>Votre réponse</source>
        <translation>Your reply</translation>
    </message>
    <message>
        <source>%1 caractères au plus. Ctrl+Entrée pour envoyer.</source>
        <translation>At most %1 characters. Ctrl+Enter to send.</translation>
    </message>
    <message>
        <source>Votre réponse…</source>
        <translation>Your reply…</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lue</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Nouvelle</source>
        <translation>New</translation>
    </message>
    <message>
        <source>%1 à %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation>A health professional</translation>
    </message>
    <message>
        <source>%1 a ouvert votre dossier.</source>
        <translation>%1 opened your record.</translation>
    </message>
    <message>
        <source>%1 a ouvert votre dossier en urgence (bris de glace).</source>
        <translation>%1 opened your record in an emergency (break-the-glass).</translation>
    </message>
    <message>
        <source>%1 a ajouté un document à votre dossier : « %2 ».</source>
        <translation>%1 added a document to your record: “%2”.</translation>
    </message>
    <message>
        <source>%1 a ajouté un document à votre dossier.</source>
        <translation>%1 added a document to your record.</translation>
    </message>
    <message>
        <source>%1 a inscrit une vaccination dans votre dossier.</source>
        <translation>%1 recorded a vaccination in your record.</translation>
    </message>
    <message>
        <source>%1 a ajouté un rendez-vous à votre agenda.</source>
        <translation>%1 added an appointment to your agenda.</translation>
    </message>
    <message>
        <source>%1 vous a écrit un message.</source>
        <translation>%1 wrote you a message.</translation>
    </message>
    <message>
        <source>%1 vous a désigné(e) comme proche aidant, jusqu'au %2.</source>
        <translation>%1 named you as their carer (proche aidant), until %2.</translation>
    </message>
    <message>
        <source>La délégation de proche aidant avec %1 a pris fin le %2.</source>
        <translation>The carer delegation with %1 ended on %2.</translation>
    </message>
    <message>
        <source>%1 : événement « %2 ».</source>
        <translation>%1: event “%2”.</translation>
    </message>
    <message>
        <source>Choisissez d'abord une notification dans la liste.</source>
        <translation>First choose a notification in the list.</translation>
    </message>
    <message>
        <source>Ce carnet n'est pas relié au service en ligne : les notifications arrivent une fois connecté.</source>
        <translation>This record is not linked to the online service: notifications arrive once signed in.</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint. Réessayez plus tard.</source>
        <translation>The service could not be reached. Try again later.</translation>
    </message>
    <message>
        <source>Les notifications n'ont pas pu être chargées.</source>
        <translation>The notifications could not be loaded.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Ce qui s'est passé dans votre dossier : un professionnel l'a ouvert, y a ajouté un document, un accès en urgence, un proche aidant… Le service vous prévient aussi par e-mail, sans aucune donnée de santé.</source>
        <translation>What happened in your record: a professional opened it or added a document, an emergency access, a carer… The service also tells you by e-mail, without any health data.</translation>
    </message>
    <message>
        <source>Pas encore chargées.</source>
        <translation>Not loaded yet.</translation>
    </message>
    <message numerus="yes">
        <source>Hors ligne : copie enregistrée le %1 (%n non lue(s)).</source>
        <translation>
            <numerusform>Offline: copy saved on %1 (%n unread).</numerusform>
            <numerusform>Offline: copy saved on %1 (%n unread).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>À jour le %1 (%n non lue(s)).</source>
        <translation>
            <numerusform>Up to date on %1 (%n unread).</numerusform>
            <numerusform>Up to date on %1 (%n unread).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modification(s) en conflit attend(ent) votre choix.</source>
        <translation>
            <numerusform>%n conflicting change is waiting for your choice.</numerusform>
            <numerusform>%n conflicting changes are waiting for your choice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modification(s) refusée(s) par le service : voyez pourquoi et quoi faire.</source>
        <translation>
            <numerusform>%n change refused by the service: see why and what to do.</numerusform>
            <numerusform>%n changes refused by the service: see why and what to do.</numerusform>
        </translation>
    </message>
    <message>
        <source>Voir les modifications &amp;refusées</source>
        <translation>See the &amp;refused changes</translation>
    </message>
    <message>
        <source>Voir les modifications refusées</source>
        <translation>See the refused changes</translation>
    </message>
    <message>
        <source>&amp;Voir les conflits</source>
        <translation>&amp;View the conflicts</translation>
    </message>
    <message>
        <source>Voir les conflits</source>
        <translation>View the conflicts</translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Demander au service les dernières notifications.</source>
        <translation>Ask the service for the latest notifications.</translation>
    </message>
    <message>
        <source>&amp;Marquer comme lue</source>
        <translation>&amp;Mark as read</translation>
    </message>
    <message>
        <source>Marquer comme lue</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <source>La notification choisie (ou Entrée).</source>
        <translation>The chosen notification (or Enter).</translation>
    </message>
    <message>
        <source>&amp;Tout marquer comme lu</source>
        <translation>Mark &amp;all as read</translation>
    </message>
    <message>
        <source>Tout marquer comme lu</source>
        <translation>Mark all as read</translation>
    </message>
    <message>
        <source>Date de la liste</source>
        <translation>Date of the list</translation>
    </message>
    <message>
        <source>Recevoir aussi un e-mail</source>
        <translation>Also receive an e-mail</translation>
    </message>
    <message>
        <source>Quand un professionnel ouvre mon dossier</source>
        <translation>When a professional opens my record</translation>
    </message>
    <message>
        <source>Quand un professionnel ajoute un document ou une vaccination</source>
        <translation>When a professional adds a document or a vaccination</translation>
    </message>
    <message>
        <source>Au sujet de mes proches aidants</source>
        <translation>About my carers</translation>
    </message>
    <message>
        <source>Un accès en urgence vous est toujours signalé par e-mail.</source>
        <translation>An emergency access is always reported to you by e-mail.</translation>
    </message>
    <message>
        <source>Vos choix d'e-mail s'affichent et se changent une fois le service joint. Un accès en urgence vous est toujours signalé par e-mail.</source>
        <translation>Your e-mail choices are shown and changed once the service is reached. An emergency access is always reported to you by e-mail.</translation>
    </message>
    <message>
        <source>&amp;Enregistrer mes choix d'e-mail</source>
        <translation>&amp;Save my e-mail choices</translation>
    </message>
    <message>
        <source>Enregistrer mes choix d'e-mail</source>
        <translation>Save my e-mail choices</translation>
    </message>
    <message>
        <source>De la plus récente à la plus ancienne.</source>
        <translation>Newest first.</translation>
    </message>
</context>
<context>
    <name>OnlineSteps</name>
    <message>
        <source>La démarche n'a pas abouti ; rien n'a été enregistré. Réessayez.</source>
        <translation>This did not go through; nothing was saved. Try again.</translation>
    </message>
</context>
<context>
    <name>OppositionPage</name>
    <message>
        <source>M'opposer à la création de mon espace</source>
        <translation>Oppose the creation of my space</translation>
    </message>
    <message>
        <source>Votre espace Mon espace santé ne sera pas créé : aucun document ne vous sera envoyé par ce service et les professionnels ne pourront pas y déposer de documents. Vous pourrez changer d'avis plus tard en activant votre espace avec le même code, tant qu'il est valable, ou en le demandant à votre caisse d'Assurance Maladie.</source>
        <translation>Your Mon espace santé space will not be created: no document will be sent to you through this service and professionals will not be able to add documents to it. You can change your mind later by activating your space with the same code while it is valid, or by asking your Assurance Maladie office.</translation>
    </message>
    <message>
        <source>Je m'oppose</source>
        <translation>I oppose</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Envoi de votre opposition…</source>
        <translation>Sending your opposition…</translation>
    </message>
    <message>
        <source>Vos trois preuves d'identité</source>
        <translation>Your three proofs of identity</translation>
    </message>
    <message>
        <source>Opposition enregistrée</source>
        <translation>Opposition recorded</translation>
    </message>
    <message>
        <source>Si vous ne souhaitez pas de Mon espace santé, saisissez le code reçu par courrier, votre numéro de sécurité sociale et le numéro de série de votre carte Vitale. Rien n'est envoyé avant que vous ayez confirmé.</source>
        <translation>If you do not want Mon espace santé, enter the code received by post, your social security number and the serial number of your Carte Vitale. Nothing is sent before you confirm.</translation>
    </message>
    <message>
        <source>&amp;Code d'activation :</source>
        <translation>&amp;Activation code:</translation>
    </message>
    <message>
        <source>&amp;Numéro de sécurité sociale :</source>
        <translation>Social security &amp;number:</translation>
    </message>
    <message>
        <source>Numéro de &amp;série de la carte Vitale :</source>
        <translation>Carte Vitale &amp;serial number:</translation>
    </message>
    <message>
        <source>Votre opposition est enregistrée : votre espace ne sera pas créé. Vous pouvez changer d'avis plus tard en activant votre espace avec votre code, tant qu'il est valable, ou auprès de votre caisse d'Assurance Maladie.</source>
        <translation>Your opposition is recorded: your space will not be created. You can change your mind later by activating your space with your code while it is valid, or through your Assurance Maladie office.</translation>
    </message>
    <message>
        <source>Retour à l'&amp;accueil</source>
        <translation>Back to the &amp;welcome screen</translation>
    </message>
    <message>
        <source>Je m'&amp;oppose…</source>
        <translation>I &amp;oppose…</translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Code d'activation</source>
        <translation>Activation code</translation>
    </message>
    <message>
        <source>12 lettres et chiffres, reçus par courrier.</source>
        <translation>12 letters and digits, received by post.</translation>
    </message>
    <message>
        <source>Numéro de sécurité sociale</source>
        <translation>Social security number</translation>
    </message>
    <message>
        <source>15 chiffres, clé comprise.</source>
        <translation>15 digits, including the key.</translation>
    </message>
    <message>
        <source>Numéro de série de la carte Vitale</source>
        <translation>Carte Vitale serial number</translation>
    </message>
    <message>
        <source>De 8 à 12 chiffres, imprimés en bas à droite du devant de la carte.</source>
        <translation>8 to 12 digits, printed bottom right on the front of the card.</translation>
    </message>
    <message>
        <source>Une question vous demandera de confirmer avant l'envoi.</source>
        <translation>A question will ask you to confirm before anything is sent.</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Revenir à l'accueil sans rien envoyer.</source>
        <translation>Go back to the welcome screen without sending anything.</translation>
    </message>
</context>
<context>
    <name>OrganisationHelpersDialog</name>
    <message>
        <source>Les aidants de ma structure</source>
        <translation>My organisation's helpers</translation>
    </message>
    <message>
        <source>Les aidants de %1</source>
        <translation>The helpers of %1</translation>
    </message>
    <message>
        <source>Inscrivez les personnes de votre structure qui accompagnent le public. Chacune reçoit par e-mail un code pour choisir son mot de passe, puis se connecte avec son propre compte.</source>
        <translation>Register the people of your organisation who help the public. Each one is e-mailed a code to choose their password, then signs in with their own account.</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Aidants de la structure</source>
        <translation>The organisation's helpers</translation>
    </message>
    <message>
        <source>Nom, adresse e-mail et état de chacun.</source>
        <translation>Each one's name, e-mail address and state.</translation>
    </message>
    <message>
        <source>&amp;Retirer l'accès…</source>
        <translation>&amp;Withdraw access…</translation>
    </message>
    <message>
        <source>Retirer l'accès</source>
        <translation>Withdraw access</translation>
    </message>
    <message>
        <source>L'aidant choisi ne pourra plus accompagner personne ; ses sessions prennent fin.</source>
        <translation>The chosen helper will no longer be able to help anyone; their sessions end.</translation>
    </message>
    <message>
        <source>Inscrire un aidant</source>
        <translation>Register a helper</translation>
    </message>
    <message>
        <source>E-mail du nouvel aidant</source>
        <translation>New helper's e-mail</translation>
    </message>
    <message>
        <source>Son adresse professionnelle.</source>
        <translation>Their work address.</translation>
    </message>
    <message>
        <source>Nom du nouvel aidant</source>
        <translation>New helper's last name</translation>
    </message>
    <message>
        <source>Prénom du nouvel aidant</source>
        <translation>New helper's first name</translation>
    </message>
    <message>
        <source>Responsable : peut aussi inscrire et retirer des aidants</source>
        <translation>Manager: may also register and withdraw helpers</translation>
    </message>
    <message>
        <source>&amp;Inscrire</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Inscrire</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Inscrire cet aidant : un code lui est envoyé par e-mail.</source>
        <translation>Register this helper: a code is e-mailed to them.</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Nom</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>&amp;Prénom</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>État de l'opération</source>
        <translation>Operation status</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Revenir au premier écran de la session.</source>
        <translation>Back to the session's first screen.</translation>
    </message>
    <message>
        <source>L'opération a échoué ; rien n'a été modifié. Réessayez.</source>
        <translation>The operation failed; nothing was changed. Try again.</translation>
    </message>
    <message>
        <source>Accès retiré</source>
        <translation>Access withdrawn</translation>
    </message>
    <message>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>En attente de sa première connexion</source>
        <translation>Waiting for their first sign-in</translation>
    </message>
    <message>
        <source>Responsable · %1</source>
        <translation>Manager · %1</translation>
    </message>
    <message>
        <source>%1 est inscrit(e) : un code d'enrôlement vient de lui être envoyé par e-mail.</source>
        <translation>%1 is registered: an enrolment code has just been e-mailed to them.</translation>
    </message>
    <message>
        <source>%1 est déjà inscrit(e) dans votre structure.</source>
        <translation>%1 is already registered in your organisation.</translation>
    </message>
    <message>
        <source>Retirer l'accès de %1 ?</source>
        <translation>Withdraw %1's access?</translation>
    </message>
    <message>
        <source>%1 ne pourra plus accompagner personne et ses sessions en cours prennent fin tout de suite. Seul l'administrateur du service peut rétablir ce compte.</source>
        <translation>%1 will no longer be able to help anyone and their current sessions end at once. Only the service's administrator can restore this account.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>L'accès de %1 est retiré.</source>
        <translation>%1's access is withdrawn.</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>Impression</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Un fichier ne peut être enregistré que sur la clé USB de la personne, pas sur cet ordinateur. Branchez sa clé USB, ou choisissez une imprimante. Rien n'a été imprimé.</source>
        <translation>A file can only be saved on the person's USB key, not on this computer. Plug in their USB key, or choose a printer. Nothing was printed.</translation>
    </message>
</context>
<context>
    <name>PasswordStrengthMeter</name>
    <message>
        <source>Au moins 12 caractères, et difficile à deviner : ni mots courants enchaînés, ni vos nom, identifiant ou date de naissance. Le plus simple : une phrase de 7 mots sans lien entre eux. La jauge dit si le mot de passe est accepté et, sinon, pourquoi.</source>
        <translation>At least 12 characters, and hard to guess: no common words strung together, nor your name, identifier or birth date. The simplest: a phrase of 7 unrelated words. The gauge says whether the password is accepted and, if not, why.</translation>
    </message>
    <message>
        <source>Saisissez un mot de passe</source>
        <translation>Type a password</translation>
    </message>
    <message>
        <source>Très faible</source>
        <translation>Very weak</translation>
    </message>
    <message>
        <source>Faible</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>Moyen</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Bon</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>%1 — pas encore accepté</source>
        <translation>%1 — not accepted yet</translation>
    </message>
    <message>
        <source>%1 — accepté</source>
        <translation>%1 — accepted</translation>
    </message>
    <message>
        <source>Solidité du mot de passe</source>
        <translation>Password strength</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>Nom</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Prénoms</source>
        <translation>First names</translation>
    </message>
    <message>
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>INS</source>
        <translation>INS</translation>
    </message>
</context>
<context>
    <name>PointsChartView</name>
    <message>
        <source>Flèches gauche et droite : parcourir les points.</source>
        <translation>Left and right arrows: go through the points.</translation>
    </message>
</context>
<context>
    <name>PrepareDayDialog</name>
    <message>
        <source>Préparer la journée</source>
        <translation>Prepare the day</translation>
    </message>
    <message>
        <source>Choisir les dossiers gardés sur ce poste pour la journée.</source>
        <translation>Choose the records kept on this computer for the day.</translation>
    </message>
    <message>
        <source>Cochez les patients du jour : seuls leurs dossiers seront gardés, chiffrés, sur ce poste pour travailler hors ligne. Les autres en seront retirés.</source>
        <translation>Tick the day's patients: only their records will be kept, encrypted, on this computer to work offline. The others will be removed from it.</translation>
    </message>
    <message>
        <source>Patients du jour</source>
        <translation>Patients of the day</translation>
    </message>
    <message>
        <source>Espace coche ou décoche le patient sélectionné.</source>
        <translation>Space ticks or unticks the selected patient.</translation>
    </message>
    <message>
        <source>Chargement de vos patients…</source>
        <translation>Loading your patients…</translation>
    </message>
    <message>
        <source>Tout cocher</source>
        <translation>Tick all</translation>
    </message>
    <message>
        <source>Choisir tous les patients de la liste.</source>
        <translation>Choose every patient in the list.</translation>
    </message>
    <message>
        <source>Tout décocher</source>
        <translation>Untick all</translation>
    </message>
    <message>
        <source>Ne choisir aucun patient.</source>
        <translation>Choose no patient.</translation>
    </message>
    <message>
        <source>Aucun document (fiches et titres seulement)</source>
        <translation>No documents (records and titles only)</translation>
    </message>
    <message>
        <source>Documents des 12 derniers mois</source>
        <translation>Documents from the last 12 months</translation>
    </message>
    <message>
        <source>Tous les documents</source>
        <translation>All documents</translation>
    </message>
    <message>
        <source>Documents gardés sur ce poste</source>
        <translation>Documents kept on this computer</translation>
    </message>
    <message>
        <source>Le contenu des documents à garder hors ligne ; les titres sont toujours là.</source>
        <translation>Which documents' content to keep offline; titles are always there.</translation>
    </message>
    <message>
        <source>Préparer</source>
        <translation>Prepare</translation>
    </message>
    <message>
        <source>Garder sur ce poste les dossiers cochés.</source>
        <translation>Keep the ticked records on this computer.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation>Close without changing anything.</translation>
    </message>
    <message>
        <source> — né(e) le %1</source>
        <translation> — born on %1</translation>
    </message>
    <message>
        <source> — disponible hors ligne jusqu'au %1</source>
        <translation> — available offline until %1</translation>
    </message>
    <message>
        <source>Aucun patient ne vous a autorisé pour le moment.</source>
        <translation>No patient has authorised you yet.</translation>
    </message>
    <message>
        <source>%1 patient(s) choisi(s)</source>
        <translation>%1 patient(s) chosen</translation>
    </message>
</context>
<context>
    <name>PreventionPage</name>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Quand</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Écartée</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>Plus tard (%1)</source>
        <translation>Later (%1)</translation>
    </message>
    <message>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>À faire</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Selon votre réponse</source>
        <translation>Depends on your answer</translation>
    </message>
    <message>
        <source>À venir</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>Fait</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>fait le %1</source>
        <translation>done on %1</translation>
    </message>
    <message>
        <source>fait</source>
        <translation>done</translation>
    </message>
    <message>
        <source>depuis le %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <source>jusqu'au %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>à partir du %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>« %1 » ne vous sera plus proposé.</source>
        <translation>'%1' will no longer be suggested to you.</translation>
    </message>
    <message>
        <source>« %1 » vous sera proposé à nouveau le %2.</source>
        <translation>'%1' will be suggested to you again on %2.</translation>
    </message>
    <message>
        <source>« %1 » vous est proposé à nouveau.</source>
        <translation>'%1' is suggested to you again.</translation>
    </message>
    <message>
        <source>Choisissez une ligne pour voir la règle appliquée et sa source.</source>
        <translation>Choose a row to see the rule applied and its source.</translation>
    </message>
    <message>
        <source>Prochaine fois : %1.</source>
        <translation>Next time: %1.</translation>
    </message>
    <message>
        <source>Source : %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Prévention</source>
        <translation>Prevention</translation>
    </message>
    <message>
        <source>Vaccinations, dépistages organisés et bilans de prévention recommandés pour votre âge, d'après vos vaccinations et examens enregistrés. Parlez-en à votre médecin ou à votre pharmacien.</source>
        <translation>Vaccinations, organised screening and prevention check-ups recommended for your age, from the vaccinations and tests recorded. Talk about them with your doctor or pharmacist.</translation>
    </message>
    <message>
        <source>Questions (facultatives) : elles précisent les recommandations</source>
        <translation>Questions (optional): they make the recommendations more precise</translation>
    </message>
    <message>
        <source>Je ne réponds pas</source>
        <translation>I'd rather not say</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Oui, non, ou ne pas répondre.</source>
        <translation>Yes, no, or no answer.</translation>
    </message>
    <message>
        <source>Recommandations</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <source>État, ce qu'il faut faire et quand.</source>
        <translation>Status, what to do and when.</translation>
    </message>
    <message>
        <source>Prendre &amp;rendez-vous</source>
        <translation>Make an &amp;appointment</translation>
    </message>
    <message>
        <source>Prendre rendez-vous</source>
        <translation>Make an appointment</translation>
    </message>
    <message>
        <source>Ajouter à l'agenda un rendez-vous pour la recommandation choisie.</source>
        <translation>Add an appointment to the agenda for the chosen recommendation.</translation>
    </message>
    <message>
        <source>Plus &amp;tard</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Ne plus proposer la recommandation choisie pendant un mois ; Ctrl+Z annule.</source>
        <translation>Stop suggesting the chosen recommendation for a month; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Ne &amp;plus me le proposer</source>
        <translation>&amp;Don't suggest it again</translation>
    </message>
    <message>
        <source>Ne plus me le proposer</source>
        <translation>Don't suggest it again</translation>
    </message>
    <message>
        <source>Écarter la recommandation choisie ; Ctrl+Z annule.</source>
        <translation>Set the chosen recommendation aside; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Proposer à &amp;nouveau</source>
        <translation>Suggest it a&amp;gain</translation>
    </message>
    <message>
        <source>Proposer à nouveau</source>
        <translation>Suggest it again</translation>
    </message>
    <message>
        <source>Remettre la recommandation écartée parmi les suggestions.</source>
        <translation>Put the set-aside recommendation back among the suggestions.</translation>
    </message>
    <message>
        <source>Montrer les suggestions é&amp;cartées</source>
        <translation>Show the suggestions set a&amp;side</translation>
    </message>
    <message>
        <source>Montrer les suggestions écartées</source>
        <translation>Show the suggestions set aside</translation>
    </message>
    <message>
        <source>Afficher aussi les recommandations que vous avez écartées ou remises à plus tard.</source>
        <translation>Also show the recommendations you set aside or postponed.</translation>
    </message>
</context>
<context>
    <name>PrintableDialog</name>
    <message>
        <source>Préparation du document…</source>
        <translation>Preparing the document…</translation>
    </message>
    <message>
        <source>Copie hors ligne du %1 (le service n'a pas pu être joint).</source>
        <translation>Offline copy of %1 (the service could not be reached).</translation>
    </message>
    <message>
        <source>Historique du service, à jour le %1.</source>
        <translation>History from the service, up to date on %1.</translation>
    </message>
    <message>
        <source>%1, jusqu'au %2</source>
        <translation>%1, until %2</translation>
    </message>
    <message>
        <source>Aucun proche aidant n'est invité sur votre dossier. Invitez-en un dans « Accès et confidentialité », puis revenez ici pour imprimer son justificatif.</source>
        <translation>No caregiver is invited on your record. Invite one in 'Access and privacy', then come back here to print their certificate.</translation>
    </message>
    <message>
        <source>Le document est prêt : prévisualisez-le, imprimez-le ou enregistrez-le.</source>
        <translation>The document is ready: preview it, print it or save it.</translation>
    </message>
    <message>
        <source>Aperçu avant impression — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <source>Enregistrer en PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>PDF enregistré : %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <source>« %1 » est enregistré dans vos documents (Ma santé en résumé). Les professionnels que vous avez autorisés peuvent le consulter.</source>
        <translation>'%1' is saved in your documents (My health summary). The professionals you authorised can open it.</translation>
    </message>
    <message>
        <source>Tout ce que vous avez renseigné, rubrique par rubrique, pour le montrer à un professionnel.</source>
        <translation>Everything you filled in, section by section, to show a professional.</translation>
    </message>
    <message>
        <source>Une carte à découper et à garder avec vos papiers : votre nom, votre date de naissance, vos allergies, traitements, groupe sanguin et contacts d'urgence.</source>
        <translation>A card to cut out and keep with your papers: your name, birth date, allergies, treatments, blood group and emergency contacts.</translation>
    </message>
    <message>
        <source>Le relevé de vos vaccinations : date, vaccin, injection, numéro de lot et vaccinateur.</source>
        <translation>The record of your vaccinations: date, vaccine, dose, batch number and vaccinator.</translation>
    </message>
    <message>
        <source>Qui a ouvert votre dossier ou modifié ses accès, et quand, tel que le service l'a enregistré.</source>
        <translation>Who opened your record or changed its access, and when, as the service recorded it.</translation>
    </message>
    <message>
        <source>La preuve qu'un proche aidant peut vous aider à gérer votre dossier, avec ses dates et ses limites.</source>
        <translation>Proof that a caregiver may help you manage your record, with the dates and the limits.</translation>
    </message>
    <message>
        <source>&amp;Proche aidant :</source>
        <translation>&amp;Caregiver:</translation>
    </message>
    <message>
        <source>Proche aidant</source>
        <translation>Caregiver</translation>
    </message>
    <message>
        <source>Le proche aidant dont imprimer le justificatif.</source>
        <translation>The caregiver whose certificate to print.</translation>
    </message>
    <message>
        <source>&amp;Aperçu avant impression…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <source>Voir les pages avant de les imprimer.</source>
        <translation>See the pages before printing them.</translation>
    </message>
    <message>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Choisir une imprimante et imprimer le document.</source>
        <translation>Choose a printer and print the document.</translation>
    </message>
    <message>
        <source>Enregistrer en &amp;PDF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <source>Écrire le document dans un fichier PDF, à l'endroit que vous choisissez (non chiffré).</source>
        <translation>Write the document to a PDF file, where you choose (not encrypted).</translation>
    </message>
    <message>
        <source>Enregistrer dans mes &amp;documents</source>
        <translation>Save in my d&amp;ocuments</translation>
    </message>
    <message>
        <source>Garder le document dans votre carnet, chiffré, où vos professionnels peuvent le voir.</source>
        <translation>Keep the document in your record, encrypted, where your professionals can see it.</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Fermer cette fenêtre.</source>
        <translation>Close this window.</translation>
    </message>
</context>
<context>
    <name>ProfessionalSearch</name>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>Ville</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>RPPS</source>
        <translation>RPPS</translation>
    </message>
    <message>
        <source>Toutes les professions</source>
        <translation>All professions</translation>
    </message>
    <message>
        <source>Recherche…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint : la recherche demande une connexion.</source>
        <translation>The service could not be reached: searching needs a connection.</translation>
    </message>
    <message>
        <source>La recherche n'a pas abouti. Réessayez plus tard.</source>
        <translation>The search did not go through. Try again later.</translation>
    </message>
    <message>
        <source>Choisissez d'abord un professionnel dans la liste.</source>
        <translation>First choose a professional in the list.</translation>
    </message>
    <message>
        <source>Chercher un professionnel de santé</source>
        <translation>Search for a health professional</translation>
    </message>
    <message>
        <source>%1 : cherchez-le par son nom, sa profession ou sa ville. Seuls les professionnels inscrits à Carnet apparaissent.</source>
        <translation>%1: search by name, profession or town. Only professionals enrolled in Carnet appear.</translation>
    </message>
    <message>
        <source>Choisir le médecin traitant</source>
        <translation>Choose the médecin traitant (regular doctor)</translation>
    </message>
    <message>
        <source>Choisir un professionnel</source>
        <translation>Choose a professional</translation>
    </message>
    <message>
        <source>&amp;Nom :</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Nom ou prénom, au moins deux lettres.</source>
        <translation>Last or first name, at least two letters.</translation>
    </message>
    <message>
        <source>&amp;Profession :</source>
        <translation>&amp;Profession:</translation>
    </message>
    <message>
        <source>&amp;Ville :</source>
        <translation>&amp;Town:</translation>
    </message>
    <message>
        <source>Ville d'exercice, au moins deux lettres.</source>
        <translation>Town where they practise, at least two letters.</translation>
    </message>
    <message>
        <source>&amp;Rechercher</source>
        <translation>Sea&amp;rch</translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Entrée dans un champ lance aussi la recherche.</source>
        <translation>Enter in a field also starts the search.</translation>
    </message>
    <message numerus="yes">
        <source>%n professionnel(s) trouvé(s)</source>
        <translation>
            <numerusform>%n professional found</numerusform>
            <numerusform>%n professionals found</numerusform>
        </translation>
    </message>
    <message>
        <source> — d'autres résultats suivent.</source>
        <translation> — more results follow.</translation>
    </message>
    <message>
        <source>Aucun professionnel inscrit ne correspond.</source>
        <translation>No enrolled professional matches.</translation>
    </message>
    <message>
        <source>Résultats</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Entrée ou double-clic : choisir ce professionnel.</source>
        <translation>Enter or double-click: choose this professional.</translation>
    </message>
    <message>
        <source>Résultats &amp;suivants</source>
        <translation>&amp;Next results</translation>
    </message>
    <message>
        <source>Résultats suivants</source>
        <translation>Next results</translation>
    </message>
    <message>
        <source>&amp;Choisir</source>
        <translation>&amp;Choose</translation>
    </message>
    <message>
        <source>Choisir</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>Une confirmation nommant la personne suivra.</source>
        <translation>A confirmation naming the person follows.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Professions</name>
    <message>
        <source>médecin généraliste</source>
        <translation>general practitioner</translation>
    </message>
    <message>
        <source>médecin spécialiste</source>
        <translation>specialist doctor</translation>
    </message>
    <message>
        <source>chirurgien-dentiste</source>
        <translation>dental surgeon</translation>
    </message>
    <message>
        <source>sage-femme</source>
        <translation>midwife</translation>
    </message>
    <message>
        <source>pharmacien</source>
        <translation>pharmacist</translation>
    </message>
    <message>
        <source>infirmier</source>
        <translation>nurse</translation>
    </message>
    <message>
        <source>masseur-kinésithérapeute</source>
        <translation>physiotherapist</translation>
    </message>
    <message>
        <source>pédicure-podologue</source>
        <translation>podiatrist</translation>
    </message>
    <message>
        <source>orthophoniste</source>
        <translation>speech therapist</translation>
    </message>
    <message>
        <source>orthoptiste</source>
        <translation>orthoptist</translation>
    </message>
    <message>
        <source>psychologue</source>
        <translation>psychologist</translation>
    </message>
    <message>
        <source>biologiste</source>
        <translation>medical biologist</translation>
    </message>
    <message>
        <source>manipulateur en radiologie</source>
        <translation>radiographer</translation>
    </message>
    <message>
        <source>médecin du travail</source>
        <translation>occupational physician</translation>
    </message>
    <message>
        <source>médecin régulateur du SAMU</source>
        <translation>SAMU dispatch doctor</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Modifier l'élément</source>
        <translation>Edit the item</translation>
    </message>
    <message>
        <source>L'élément « %1 » sera supprimé de votre profil médical.</source>
        <translation>The item “%1” will be deleted from your medical profile.</translation>
    </message>
    <message>
        <source>Supprimer cet élément ?</source>
        <translation>Delete this item?</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>« %1 » supprimé.</source>
        <translation>'%1' deleted.</translation>
    </message>
    <message>
        <source>L'opération a échoué ; rien n'a été modifié.</source>
        <translation>The operation failed; nothing was changed.</translation>
    </message>
    <message>
        <source>Profil médical</source>
        <translation>Medical profile</translation>
    </message>
    <message>
        <source>Ajouter dans « %1 »</source>
        <translation>Add to “%1”</translation>
    </message>
    <message>
        <source>&amp;Modifier</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Non concerné</source>
        <translation>&amp;Not concerned</translation>
    </message>
    <message>
        <source>Rubriques du profil médical</source>
        <translation>Sections of the medical profile</translation>
    </message>
    <message>
        <source>Choisissez une rubrique.</source>
        <translation>Choose a section.</translation>
    </message>
    <message>
        <source>Éléments de la rubrique %1</source>
        <translation>Items of the section %1</translation>
    </message>
    <message>
        <source>Entrée pour modifier l'élément choisi.</source>
        <translation>Enter to edit the chosen item.</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Modifier l'élément choisi dans le formulaire.</source>
        <translation>Edit the chosen item in the form.</translation>
    </message>
    <message>
        <source>Supprimer l'élément choisi.</source>
        <translation>Delete the chosen item.</translation>
    </message>
    <message>
        <source>Non concerné</source>
        <translation>Not concerned</translation>
    </message>
    <message>
        <source>Indiquer que vous n'êtes pas concerné par « %1 ».</source>
        <translation>State that “%1” does not concern you.</translation>
    </message>
</context>
<context>
    <name>RecordsRequestsPage</name>
    <message>
        <source>Destinataire</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Envoyée le</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Au plus tard le</source>
        <translation>At the latest on</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(estimation)</source>
        <translation>(estimate)</translation>
    </message>
    <message>
        <source>Délai de réflexion (48 h)</source>
        <translation>48-hour reflection period</translation>
    </message>
    <message>
        <source>En attente</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Délai dépassé</source>
        <translation>Deadline passed</translation>
    </message>
    <message>
        <source>Dossier reçu</source>
        <translation>Records received</translation>
    </message>
    <message>
        <source>Date de réception inconnue : le délai est compté depuis l'envoi ; indiquez la date de l'accusé de réception pour le préciser.</source>
        <translation>Date of receipt unknown: the deadline is counted from sending; enter the acknowledgement date to make it exact.</translation>
    </message>
    <message>
        <source>Le délai légal est dépassé : relancez le destinataire ; sans réponse, vous pouvez saisir la Commission d'accès aux documents administratifs (CADA) pour un établissement public, ou le conseil de l'ordre pour un professionnel libéral.</source>
        <translation>The legal deadline has passed: remind the recipient; without an answer, you may refer the matter to the CADA (Commission d'accès aux documents administratifs) for a public hospital, or to the medical council (conseil de l'ordre) for a professional in private practice.</translation>
    </message>
    <message>
        <source>Lettre enregistrée dans %1 (fichier non chiffré) : imprimez-la ou joignez-la à un courriel.</source>
        <translation>Letter saved to %1 (not encrypted): print it or attach it to an e-mail.</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.xml *.txt)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png *.xml *.txt)</translation>
    </message>
    <message>
        <source>Dossier classé dans Documents ; la demande est close.</source>
        <translation>Records filed in Documents; the request is closed.</translation>
    </message>
    <message>
        <source>Mes demandes de dossier</source>
        <translation>My records requests</translation>
    </message>
    <message>
        <source>Demandez vos informations de santé à un professionnel ou à un établissement (loi du 4 mars 2002) : Carnet écrit la lettre et suit les délais légaux.</source>
        <translation>Ask a professional or a hospital for your health information (French law of 4 March 2002): Carnet writes the letter and follows the legal deadlines.</translation>
    </message>
    <message>
        <source>Nouvelle demande</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>&amp;Nouvelle demande</source>
        <translation>&amp;New request</translation>
    </message>
    <message>
        <source>Vider le formulaire pour une nouvelle demande.</source>
        <translation>Clear the form for a new request.</translation>
    </message>
    <message>
        <source>Écrire la &amp;lettre (PDF)</source>
        <translation>Write the &amp;letter (PDF)</translation>
    </message>
    <message>
        <source>La lettre de demande, à imprimer.</source>
        <translation>The request letter, to print.</translation>
    </message>
    <message>
        <source>&amp;Classer le dossier reçu…</source>
        <translation>&amp;File the records received…</translation>
    </message>
    <message>
        <source>Ajouter le fichier reçu à Documents.</source>
        <translation>Add the file received to Documents.</translation>
    </message>
    <message>
        <source>Dossier &amp;reçu</source>
        <translation>Records &amp;received</translation>
    </message>
    <message>
        <source>Les documents sont arrivés : clore la demande.</source>
        <translation>The records arrived: close the request.</translation>
    </message>
    <message>
        <source>Demandes de dossier</source>
        <translation>Records requests</translation>
    </message>
    <message>
        <source>Destinataire, envoi, délai légal et état.</source>
        <translation>Recipient, sending, legal deadline and status.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyBox</name>
    <message>
        <source>Vérification du mot de passe…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <source>Nouvelle clé créée : l'ancienne ne fonctionne plus.</source>
        <translation>New key created: the old one no longer works.</translation>
    </message>
    <message>
        <source>Mot de passe incorrect : la clé de secours n'a pas changé.</source>
        <translation>Wrong password: the recovery key was not changed.</translation>
    </message>
    <message>
        <source>La clé de secours n'a pas pu être changée.</source>
        <translation>The recovery key could not be changed.</translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Vous avez perdu la feuille où est imprimée votre clé de secours ? Créez-en une nouvelle : l'ancienne ne fonctionnera plus.</source>
        <translation>Lost the sheet with your recovery key? Create a new one: the old one will stop working.</translation>
    </message>
    <message>
        <source>Mo&amp;t de passe du carnet :</source>
        <translation>Record pass&amp;word:</translation>
    </message>
    <message>
        <source>Créer &amp;une nouvelle clé de secours</source>
        <translation>Cre&amp;ate a new recovery key</translation>
    </message>
    <message>
        <source>Mot de passe du carnet</source>
        <translation>Record password</translation>
    </message>
    <message>
        <source>Requis avant de changer la clé.</source>
        <translation>Required before changing the key.</translation>
    </message>
    <message>
        <source>Créer une nouvelle clé de secours</source>
        <translation>Create a new recovery key</translation>
    </message>
    <message>
        <source>Remplace la clé de secours ; elle s'affiche une fois pour être imprimée.</source>
        <translation>Replaces the recovery key; it is shown once so you can print it.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Votre clé de secours</source>
        <translation>Your recovery key</translation>
    </message>
    <message>
        <source>Si vous oubliez votre mot de passe, cette clé est le seul moyen d'ouvrir votre carnet. Imprimez-la ou recopiez-la et rangez-la en lieu sûr.</source>
        <translation>If you forget your password, this key is the only way to open your record. Print it or copy it out and keep it somewhere safe.</translation>
    </message>
    <message>
        <source>Elle ne sera plus affichée ensuite.</source>
        <translation>It will not be shown again.</translation>
    </message>
    <message>
        <source>&amp;Imprimer</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>Co&amp;pier</source>
        <translation>Co&amp;py</translation>
    </message>
    <message>
        <source>Copier la clé</source>
        <translation>Copy the key</translation>
    </message>
    <message>
        <source>Copier la clé ; elle sera effacée du presse-papiers au bout de 30 secondes.</source>
        <translation>Copy the key; it will be cleared from the clipboard after 30 seconds.</translation>
    </message>
    <message>
        <source>J'ai &amp;noté ma clé, continuer</source>
        <translation>I have &amp;noted my key, continue</translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Imprimer la clé de secours.</source>
        <translation>Print the recovery key.</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Ouvrir mon carnet ; la clé ne sera plus affichée.</source>
        <translation>Open my record; the key will not be shown again.</translation>
    </message>
</context>
<context>
    <name>RefusedInbox</name>
    <message>
        <source>Pourquoi : %1</source>
        <translation>Why: %1</translation>
    </message>
    <message>
        <source>Modifications refusées</source>
        <translation>Refused changes</translation>
    </message>
    <message>
        <source>Choisissez une modification refusée.</source>
        <translation>Choose a refused change.</translation>
    </message>
    <message>
        <source>&amp;Renvoyer</source>
        <translation>&amp;Send again</translation>
    </message>
    <message>
        <source>Renvoyer</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Enregistrer ces valeurs et les envoyer au service.</source>
        <translation>Save these values and send them to the service.</translation>
    </message>
    <message>
        <source>Valeur refusée par le service : « %1 ». Corrigez-la.</source>
        <translation>Value refused by the service: “%1”. Correct it.</translation>
    </message>
    <message>
        <source>Cette modification a déjà été réglée ailleurs : rien n'a été modifié.</source>
        <translation>This change was already settled elsewhere: nothing was changed.</translation>
    </message>
    <message>
        <source>L'opération a échoué ; rien n'a été modifié.</source>
        <translation>The operation failed; nothing was changed.</translation>
    </message>
    <message>
        <source>Le service a refusé ces modifications faites sur cet ordinateur ; votre carnet montre la version du service. Pour chacune : pourquoi, et ce que vous pouvez faire.</source>
        <translation>The service refused these changes made on this computer; your carnet shows the service's version. For each one: why, and what you can do.</translation>
    </message>
    <message>
        <source>Aucune modification refusée.</source>
        <translation>No refused change.</translation>
    </message>
    <message>
        <source>&amp;Modifier et renvoyer…</source>
        <translation>&amp;Edit and send again…</translation>
    </message>
    <message>
        <source>A&amp;bandonner cette modification</source>
        <translation>Disc&amp;ard this change</translation>
    </message>
    <message>
        <source>Ne pas renvoyer pour l'instant</source>
        <translation>Do not send it for now</translation>
    </message>
    <message>
        <source>Modifier et renvoyer</source>
        <translation>Edit and send again</translation>
    </message>
    <message>
        <source>Corriger la modification refusée, puis l'envoyer à nouveau.</source>
        <translation>Correct the refused change, then send it again.</translation>
    </message>
    <message>
        <source>Abandonner cette modification</source>
        <translation>Discard this change</translation>
    </message>
    <message>
        <source>Ne plus l'envoyer ; le carnet garde la version du service.</source>
        <translation>Never send it; the carnet keeps the service's version.</translation>
    </message>
    <message>
        <source>Fermer le formulaire.</source>
        <translation>Close the form.</translation>
    </message>
</context>
<context>
    <name>RememberBox</name>
    <message>
        <source>Ce carnet est en mode « ordinateur partagé » : votre mot de passe sera toujours demandé.</source>
        <translation>This record is in "shared computer" mode: your password will always be asked.</translation>
    </message>
    <message>
        <source>Vérification du mot de passe…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <source>Cet ordinateur se souviendra de vous : le carnet s'ouvrira sans mot de passe.</source>
        <translation>This computer will remember you: the record will open without a password.</translation>
    </message>
    <message>
        <source>Cet ordinateur ne se souvient plus de vous : le mot de passe sera demandé.</source>
        <translation>This computer no longer remembers you: the password will be asked.</translation>
    </message>
    <message>
        <source>Mot de passe incorrect : rien n'a été changé.</source>
        <translation>Wrong password: nothing was changed.</translation>
    </message>
    <message>
        <source>Le réglage n'a pas pu être changé.</source>
        <translation>The setting could not be changed.</translation>
    </message>
    <message>
        <source>Se souvenir de moi</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <source>Seulement sur un ordinateur personnel dont la session est protégée par un mot de passe : la clé de votre carnet est alors gardée dans le trousseau du système.</source>
        <translation>Only on a personal computer whose session is protected by a password: your record's key is then kept in the system keyring.</translation>
    </message>
    <message>
        <source>&amp;Se souvenir de moi sur cet ordinateur</source>
        <translation>Re&amp;member me on this computer</translation>
    </message>
    <message>
        <source>&amp;Mot de passe du carnet :</source>
        <translation>Record &amp;password:</translation>
    </message>
    <message>
        <source>Appl&amp;iquer</source>
        <translation>Appl&amp;y</translation>
    </message>
    <message>
        <source>Se souvenir de moi sur cet ordinateur</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <source>Ouvrir le carnet sans mot de passe grâce au trousseau du système.</source>
        <translation>Open the record without a password thanks to the system keyring.</translation>
    </message>
    <message>
        <source>Mot de passe du carnet</source>
        <translation>Record password</translation>
    </message>
    <message>
        <source>Requis pour changer ce réglage.</source>
        <translation>Needed to change this setting.</translation>
    </message>
    <message>
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Vérifier le mot de passe puis appliquer.</source>
        <translation>Check the password, then apply.</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Rappel</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Voir</source>
        <translation>See</translation>
    </message>
    <message>
        <source>Voir le rappel</source>
        <translation>See the reminder</translation>
    </message>
    <message>
        <source>Ouvrir l'agenda ou la demande concernée.</source>
        <translation>Open the agenda or the request it is about.</translation>
    </message>
    <message>
        <source>Fermer le rappel</source>
        <translation>Close the reminder</translation>
    </message>
    <message>
        <source>Masquer ce rappel.</source>
        <translation>Hide this reminder.</translation>
    </message>
    <message>
        <source>Rappels</source>
        <translation>Reminders</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Saisissez le mot de passe que le carnet avait lors de la sauvegarde.</source>
        <translation>Enter the password the record had when it was backed up.</translation>
    </message>
    <message>
        <source>Restaurer le carnet ?</source>
        <translation>Restore the record?</translation>
    </message>
    <message>
        <source>Remplacer par la sauvegarde</source>
        <translation>Replace with the backup</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Ne rien changer</source>
        <translation>Change nothing</translation>
    </message>
    <message>
        <source>Rien n'a été modifié.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>%1 à %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>Le carnet « %1 » de cet ordinateur sera remplacé par la sauvegarde du %2. Ce qui y a été saisi depuis et n'a pas été synchronisé avec le service sera perdu.</source>
        <translation>The record '%1' on this computer will be replaced by the backup of %2. Whatever was entered since and not synced with the service will be lost.</translation>
    </message>
    <message>
        <source>Le carnet « %1 » sauvegardé le %2 sera ajouté à cet ordinateur.</source>
        <translation>The record '%1' backed up on %2 will be added to this computer.</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Sauvegarde du carnet « %1 », faite le %2.</source>
        <translation>Backup of the record '%1', made on %2.</translation>
    </message>
    <message>
        <source>&amp;Mot de passe de la sauvegarde :</source>
        <translation>Backup &amp;password:</translation>
    </message>
    <message>
        <source>Mot de passe de la sauvegarde</source>
        <translation>Backup password</translation>
    </message>
    <message>
        <source>Le mot de passe que le carnet avait quand la sauvegarde a été faite.</source>
        <translation>The password the record had when the backup was made.</translation>
    </message>
    <message>
        <source>Ce qui va changer</source>
        <translation>What will change</translation>
    </message>
    <message>
        <source>&amp;Restaurer…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>Vérifier le mot de passe, puis confirmer.</source>
        <translation>Check the password, then confirm.</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation>Close without changing anything.</translation>
    </message>
</context>
<context>
    <name>RetitleDialog</name>
    <message>
        <source>Modifier mon document</source>
        <translation>Edit my document</translation>
    </message>
    <message>
        <source>Le titre et la date ; la modification est envoyée au patient.</source>
        <translation>The title and date; the change is sent to the patient.</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Obligatoire.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>JJ/MM/AAAA</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <source>Date du document</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>Facultative, JJ/MM/AAAA.</source>
        <translation>Optional, DD/MM/YYYY.</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Enregistrer sur ce poste ; envoi dès que possible.</source>
        <translation>Saved on this workstation; sent as soon as possible.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation>Close without changing anything.</translation>
    </message>
</context>
<context>
    <name>ServiceUnavailablePage</name>
    <message>
        <source>Activer Mon espace santé</source>
        <translation>Activate Mon espace santé</translation>
    </message>
    <message>
        <source>Me connecter à mon compte</source>
        <translation>Log in to my account</translation>
    </message>
    <message>
        <source>M'opposer à la création de mon espace</source>
        <translation>Object to the creation of my space</translation>
    </message>
    <message>
        <source>Séance accompagnée</source>
        <translation>Assisted session</translation>
    </message>
    <message>
        <source>Poste de soins</source>
        <translation>Clinic workstation</translation>
    </message>
    <message>
        <source>Un proche est décédé</source>
        <translation>A relative has died</translation>
    </message>
    <message>
        <source>Identifiant oublié</source>
        <translation>Forgotten identifier</translation>
    </message>
    <message>
        <source>Mot de passe oublié</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <source>Le service en ligne n'est pas joignable pour le moment : cette démarche a besoin d'une connexion au service Carnet. Rien n'a été envoyé ni enregistré.</source>
        <translation>The online service cannot be reached at the moment: this step needs a connection to the Carnet service. Nothing was sent or saved.</translation>
    </message>
    <message>
        <source>Vous pouvez réessayer plus tard, ou créer dès maintenant un carnet sur cet ordinateur : il fonctionne sans connexion.</source>
        <translation>You can try again later, or create a record on this computer now: it works offline.</translation>
    </message>
    <message>
        <source>&amp;Retour à l'accueil</source>
        <translation>&amp;Back to the welcome screen</translation>
    </message>
    <message>
        <source>Retour à l'accueil</source>
        <translation>Back to the welcome screen</translation>
    </message>
    <message>
        <source>Revenir aux choix de l'écran d'accueil.</source>
        <translation>Go back to the choices of the welcome screen.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Vous avez ouvert votre carnet avec la clé de secours : choisissez un nouveau mot de passe.</source>
        <translation>You opened your record with the recovery key: choose a new password.</translation>
    </message>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Vérification du mot de passe actuel…</source>
        <translation>Checking the current password…</translation>
    </message>
    <message>
        <source>Votre mot de passe a été changé.</source>
        <translation>Your password was changed.</translation>
    </message>
    <message>
        <source>Le mot de passe actuel est incorrect : rien n'a été changé.</source>
        <translation>The current password is wrong: nothing was changed.</translation>
    </message>
    <message>
        <source>Le mot de passe n'a pas pu être changé ; l'ancien reste valable.</source>
        <translation>The password could not be changed; the old one still works.</translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Affichage et langue</source>
        <translation>Display and language</translation>
    </message>
    <message>
        <source>Sécurité</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Mot de passe &amp;actuel :</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;Nouveau mot de passe :</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>C&amp;hanger le mot de passe</source>
        <translation>C&amp;hange the password</translation>
    </message>
    <message>
        <source>Con&amp;firmer :</source>
        <translation>Con&amp;firm:</translation>
    </message>
    <message>
        <source>Taille du te&amp;xte :</source>
        <translation>Te&amp;xt size:</translation>
    </message>
    <message>
        <source>C&amp;ontraste élevé</source>
        <translation>High c&amp;ontrast</translation>
    </message>
    <message>
        <source>Lan&amp;gue :</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <source>&amp;Verrouiller après (minutes d'inactivité) :</source>
        <translation>&amp;Lock after (minutes of inactivity):</translation>
    </message>
    <message>
        <source>Mot de passe actuel</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Saisissez d'abord le mot de passe actuel.</source>
        <translation>First type the current password.</translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Confirmer le nouveau mot de passe</source>
        <translation>Confirm the new password</translation>
    </message>
    <message>
        <source>Changer le mot de passe</source>
        <translation>Change the password</translation>
    </message>
    <message>
        <source>Remplacer le mot de passe ; vos données ne sont pas rechiffrées.</source>
        <translation>Replace the password; your data is not re-encrypted.</translation>
    </message>
    <message>
        <source>Taille du texte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>De 100 à 200 pour cent.</source>
        <translation>From 100 to 200 percent.</translation>
    </message>
    <message>
        <source>Contraste élevé</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Texte blanc sur fond noir.</source>
        <translation>White text on a black background.</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Langue de l'interface.</source>
        <translation>Language of the interface.</translation>
    </message>
    <message>
        <source>Délai de verrouillage</source>
        <translation>Lock delay</translation>
    </message>
    <message>
        <source>Le carnet se verrouille après ce nombre de minutes sans activité.</source>
        <translation>The record locks after this many minutes without activity.</translation>
    </message>
</context>
<context>
    <name>SharedConversations</name>
    <message>
        <source>Sujet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Professionnel</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Dernier message</source>
        <translation>Last message</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>En cours</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Les messages n'ont pas pu être chargés. Réessayez plus tard.</source>
        <translation>The messages could not be loaded. Try again later.</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint : les messages se lisent seulement en ligne.</source>
        <translation>The service could not be reached: messages can be read online only.</translation>
    </message>
    <message>
        <source>Vous n'êtes pas connecté(e) au service.</source>
        <translation>You are not signed in to the service.</translation>
    </message>
    <message>
        <source>Chargement de la conversation…</source>
        <translation>Loading the conversation…</translation>
    </message>
    <message>
        <source>Le professionnel</source>
        <translation>The professional</translation>
    </message>
    <message>
        <source>Son représentant légal</source>
        <translation>Their legal representative</translation>
    </message>
    <message>
        <source>La personne</source>
        <translation>The person</translation>
    </message>
    <message>
        <source>Ses messages ne vous sont pas montrés</source>
        <translation>Their messages are not shown to you</translation>
    </message>
    <message>
        <source>Aucune conversation</source>
        <translation>No conversation</translation>
    </message>
    <message>
        <source>La personne que vous aidez ne vous a pas autorisé(e) à lire ses conversations avec les professionnels. Elle peut le faire dans Accès et confidentialité › Proches › « Lui montrer mes messages ».</source>
        <translation>The person you help has not allowed you to read their conversations with professionals. They can do so in Access and privacy › Relatives › “Show them my messages”.</translation>
    </message>
    <message>
        <source>Aucun professionnel ne lui a écrit pour l'instant.</source>
        <translation>No professional has written to them yet.</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Sujet, professionnel, dernier message, état.</source>
        <translation>Subject, professional, last message, status.</translation>
    </message>
    <message>
        <source>Fil de la conversation</source>
        <translation>Conversation thread</translation>
    </message>
    <message>
        <source>En lecture seule.</source>
        <translation>Read-only.</translation>
    </message>
</context>
<context>
    <name>SharedDossierDialog</name>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>(sans intitulé)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Ajouté le</source>
        <translation>Added on</translation>
    </message>
    <message>
        <source>Ajouté par</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>La personne ou son entourage</source>
        <translation>The person or their family</translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation>A health professional</translation>
    </message>
    <message>
        <source>L'Assurance Maladie</source>
        <translation>The health insurer (Assurance Maladie)</translation>
    </message>
    <message>
        <source>Le service Carnet</source>
        <translation>The Carnet service</translation>
    </message>
    <message>
        <source>Le dossier n'a pas pu être ouvert. Réessayez plus tard.</source>
        <translation>The record could not be opened. Try again later.</translation>
    </message>
    <message>
        <source>Le service n'a pas pu être joint : ce dossier s'ouvre seulement en ligne (rien n'en est gardé sur cet ordinateur). Vérifiez la connexion, puis « Actualiser ».</source>
        <translation>The service could not be reached: this record opens online only (nothing of it is kept on this computer). Check the connection, then “Refresh”.</translation>
    </message>
    <message>
        <source>Vous n'êtes pas connecté(e) au service : connectez-vous (Paramètres › Mon espace), puis « Actualiser ».</source>
        <translation>You are not signed in to the service: sign in (Settings › My space), then “Refresh”.</translation>
    </message>
    <message>
        <source>Lecture seule. Vous le consultez comme ayant droit : vous ne voyez que ce que votre demande permet.</source>
        <translation>Read-only. You read it as an heir: you see only what your request allows.</translation>
    </message>
    <message>
        <source>Lecture seule. Vous le consultez comme proche aidant, jusqu'au %1.</source>
        <translation>Read-only. You read it as a carer, until %1.</translation>
    </message>
    <message>
        <source>Lecture seule. Vous le consultez comme proche aidant.</source>
        <translation>Read-only. You read it as a carer.</translation>
    </message>
    <message>
        <source>Dossier d'%1</source>
        <translation>Record of %1</translation>
    </message>
    <message>
        <source>Dossier de %1</source>
        <translation>Record of %1</translation>
    </message>
    <message>
        <source>Né(e) le %1</source>
        <translation>Born on %1</translation>
    </message>
    <message>
        <source>Chaque ouverture est inscrite dans l'historique des accès de ce dossier. Rien n'en est gardé sur cet ordinateur.</source>
        <translation>Each opening is recorded in this record's access history. Nothing of it is kept on this computer.</translation>
    </message>
    <message>
        <source>Ouverture du dossier…</source>
        <translation>Opening the record…</translation>
    </message>
    <message>
        <source>Ouvert le %1.</source>
        <translation>Opened on %1.</translation>
    </message>
    <message>
        <source>Informations de santé (%1)</source>
        <translation>Health information (%1)</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Contenu du dossier</source>
        <translation>Content of the record</translation>
    </message>
    <message>
        <source>Informations de santé et documents.</source>
        <translation>Health information and documents.</translation>
    </message>
    <message>
        <source>Informations de santé</source>
        <translation>Health information</translation>
    </message>
    <message>
        <source>Type, intitulé, date, auteur.</source>
        <translation>Kind, title, date, author.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Catégorie, intitulé, date, auteur.</source>
        <translation>Category, title, date, author.</translation>
    </message>
    <message>
        <source>Aucune information de santé à afficher</source>
        <translation>No health information to show</translation>
    </message>
    <message>
        <source>Le dossier n'en contient pas, ou aucune ne vous est accessible. Ce que la personne ajoutera apparaîtra ici : « Actualiser » pour revoir.</source>
        <translation>The record has none, or none is open to you. What the person adds will appear here: “Refresh” to see again.</translation>
    </message>
    <message>
        <source>Le dossier n'en contient pas, ou votre demande ne permet pas de les voir.</source>
        <translation>The record has none, or your request does not allow you to see them.</translation>
    </message>
    <message>
        <source>Aucun document à afficher</source>
        <translation>No document to show</translation>
    </message>
    <message>
        <source>Le dossier n'en contient pas, ou aucun ne vous est accessible. Les documents ajoutés plus tard apparaîtront ici : « Actualiser » pour revoir.</source>
        <translation>The record has none, or none is open to you. Documents added later will appear here: “Refresh” to see again.</translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Ouvre à nouveau le dossier sur le service.</source>
        <translation>Opens the record again on the service.</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SpaceBox</name>
    <message>
        <source>Ce carnet n'est pas relié à un compte en ligne.</source>
        <translation>This record is not linked to an online account.</translation>
    </message>
    <message>
        <source>Interrogation du service…</source>
        <translation>Asking the service…</translation>
    </message>
    <message>
        <source>Votre espace est ouvert.</source>
        <translation>Your space is open.</translation>
    </message>
    <message>
        <source>Votre espace est clôturé : les professionnels de santé n'y ont plus accès. Vous pouvez le rouvrir.</source>
        <translation>Your space is closed: health professionals no longer have access to it. You can reopen it.</translation>
    </message>
    <message>
        <source>La suppression de votre espace est demandée (faite d'ici 3 mois au plus). « Rouvrir mon espace » l'annule.</source>
        <translation>The deletion of your space is requested (done within 3 months at most). 'Reopen my space' cancels it.</translation>
    </message>
    <message>
        <source>État de votre espace : %1</source>
        <translation>State of your space: %1</translation>
    </message>
    <message>
        <source>Le service n'a pas répondu. Réessayez plus tard.</source>
        <translation>The service did not answer. Try again later.</translation>
    </message>
    <message>
        <source>Rouvrir mon espace</source>
        <translation>Reopen my space</translation>
    </message>
    <message>
        <source>Votre demande de suppression sera annulée et votre espace rouvert : les professionnels que vous avez autorisés y auront de nouveau accès. Rouvrir votre espace ?</source>
        <translation>Your deletion request will be cancelled and your space reopened: the professionals you authorised will have access again. Reopen your space?</translation>
    </message>
    <message>
        <source>Votre espace sera rouvert : les professionnels que vous avez autorisés y auront de nouveau accès et votre carnet se synchronisera de nouveau. Rouvrir votre espace ?</source>
        <translation>Your space will be reopened: the professionals you authorised will have access again and your record will sync again. Reopen your space?</translation>
    </message>
    <message>
        <source>Rouvrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Se déconnecter du service</source>
        <translation>Sign out of the service</translation>
    </message>
    <message>
        <source>Votre carnet reste sur cet ordinateur, protégé par son mot de passe, mais ne sera plus synchronisé avec le service. Pour le relier de nouveau : « J'ai déjà un compte » sur l'écran d'accueil. Se déconnecter ?</source>
        <translation>Your carnet stays on this computer, protected by its password, but will no longer be synchronised with the service. To link it again: "I already have an account" on the welcome screen. Sign out?</translation>
    </message>
    <message>
        <source>Se déconnecter</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Vous êtes déconnecté du service : votre carnet reste sur cet ordinateur, sans synchronisation.</source>
        <translation>You are signed out of the service: your carnet stays on this computer, without synchronisation.</translation>
    </message>
    <message>
        <source>Mon espace sur le service</source>
        <translation>My space on the service</translation>
    </message>
    <message>
        <source>Votre compte en ligne et votre espace santé : mot de passe du compte, clôture, réouverture, demande de suppression.</source>
        <translation>Your online account and your health space: account password, closure, reopening, deletion request.</translation>
    </message>
    <message>
        <source>Le carnet reste sur cet ordinateur, sans synchronisation jusqu'à votre prochaine connexion.</source>
        <translation>The carnet stays on this computer, without synchronisation until you sign in again.</translation>
    </message>
    <message>
        <source>Afficher l'état de mon espace</source>
        <translation>Show the state of my space</translation>
    </message>
    <message>
        <source>Changer &amp;le mot de passe du compte…</source>
        <translation>Change the acco&amp;unt password…</translation>
    </message>
    <message>
        <source>&amp;Clôturer mon espace…</source>
        <translation>Clo&amp;se my space…</translation>
    </message>
    <message>
        <source>&amp;Rouvrir mon espace</source>
        <translation>&amp;Reopen my space</translation>
    </message>
    <message>
        <source>&amp;Demander la suppression…</source>
        <translation>Request &amp;deletion…</translation>
    </message>
    <message>
        <source>S&amp;e déconnecter du service…</source>
        <translation>Sign out of th&amp;e service…</translation>
    </message>
    <message>
        <source>Demander l'état au service.</source>
        <translation>Ask the service for the state.</translation>
    </message>
    <message>
        <source>Changer le mot de passe du compte</source>
        <translation>Change the account password</translation>
    </message>
    <message>
        <source>Le mot de passe qui sert à vous connecter au service.</source>
        <translation>The password you sign in to the service with.</translation>
    </message>
    <message>
        <source>Clôturer mon espace</source>
        <translation>Close my space</translation>
    </message>
    <message>
        <source>Les conséquences sont expliquées avant toute confirmation.</source>
        <translation>The consequences are explained before any confirmation.</translation>
    </message>
    <message>
        <source>Annuler une clôture ou une suppression.</source>
        <translation>Cancel a closure or a deletion.</translation>
    </message>
    <message>
        <source>Demander la suppression</source>
        <translation>Request deletion</translation>
    </message>
</context>
<context>
    <name>SpaceEndSteps</name>
    <message>
        <source>Saisissez le mot de passe de votre compte.</source>
        <translation>Enter your account's password.</translation>
    </message>
    <message>
        <source>Clôturer mon espace</source>
        <translation>Close my space</translation>
    </message>
    <message>
        <source>Demander la suppression de mon espace</source>
        <translation>Request the deletion of my space</translation>
    </message>
    <message>
        <source>Les professionnels de santé n'auront plus accès à votre espace, dès maintenant. Vous pourrez le rouvrir pendant 10 ans. Clôturer votre espace ?</source>
        <translation>Health professionals will no longer have access to your space, starting now. You can reopen it for 10 years. Close your space?</translation>
    </message>
    <message>
        <source>Votre espace et tout ce qu'il contient seront supprimés du service, définitivement, d'ici 3 mois au plus. Demander la suppression ?</source>
        <translation>Your space and everything in it will be deleted from the service, for good, within 3 months at most. Request deletion?</translation>
    </message>
    <message>
        <source>Clôturer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Demander la suppression</source>
        <translation>Request deletion</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Envoi au service…</source>
        <translation>Sending to the service…</translation>
    </message>
    <message>
        <source>Mot de passe incorrect : rien n'a été changé.</source>
        <translation>Wrong password: nothing was changed.</translation>
    </message>
    <message>
        <source>Ce qui va se passer</source>
        <translation>What will happen</translation>
    </message>
    <message>
        <source>C'est fait</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>• Les professionnels de santé n'ont plus accès à votre espace, dès maintenant.
• Rien n'y est plus ajouté ; votre carnet sur cet ordinateur ne se synchronise plus.
• Votre espace est archivé pendant 10 ans, puis supprimé.
• Vous pouvez le rouvrir à tout moment pendant ces 10 ans (Paramètres › Mon espace).
Pour confirmer, saisissez le mot de passe de votre compte.</source>
        <translation>• Health professionals no longer have access to your space, starting now.
• Nothing more is added to it; your record on this computer no longer syncs.
• Your space is archived for 10 years, then deleted.
• You can reopen it at any time during those 10 years (Settings › My space).
To confirm, enter your account's password.</translation>
    </message>
    <message>
        <source>Votre espace est clôturé. Le carnet sur cet ordinateur reste lisible avec votre mot de passe. Pour le rouvrir : Paramètres › Mon espace › Rouvrir mon espace.</source>
        <translation>Your space is closed. The record on this computer stays readable with your password. To reopen it: Settings › My space › Reopen my space.</translation>
    </message>
    <message>
        <source>• Votre espace et tout ce qu'il contient seront supprimés du service, définitivement, d'ici 3 mois au plus.
• Les professionnels de santé n'y ont plus accès dès maintenant.
• Jusqu'à la suppression, vous pouvez changer d'avis : « Rouvrir mon espace » l'annule.
• Le carnet sur cet ordinateur n'est pas effacé : il reste à vous.
Pour confirmer, saisissez le mot de passe de votre compte.</source>
        <translation>• Your space and everything in it will be deleted from the service, for good, within 3 months at most.
• Health professionals no longer have access to it, starting now.
• Until the deletion, you can change your mind: 'Reopen my space' cancels it.
• The record on this computer is not erased: it stays yours.
To confirm, enter your account's password.</translation>
    </message>
    <message>
        <source>Votre demande de suppression est enregistrée : elle sera faite d'ici 3 mois au plus. Pour l'annuler d'ici là : Paramètres › Mon espace › Rouvrir mon espace.</source>
        <translation>Your deletion request is recorded: it will be done within 3 months at most. To cancel it before then: Settings › My space › Reopen my space.</translation>
    </message>
    <message>
        <source>Mot de passe du &amp;compte :</source>
        <translation>Account &amp;password:</translation>
    </message>
    <message>
        <source>&amp;Clôturer mon espace…</source>
        <translation>&amp;Close my space…</translation>
    </message>
    <message>
        <source>&amp;Demander la suppression…</source>
        <translation>&amp;Request deletion…</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Mot de passe du compte</source>
        <translation>Account password</translation>
    </message>
    <message>
        <source>Pour confirmer que c'est bien vous.</source>
        <translation>To confirm that it is really you.</translation>
    </message>
    <message>
        <source>Une question vous demandera de confirmer.</source>
        <translation>A question will ask you to confirm.</translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation>Close without changing anything.</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Choisir un fichier</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>Enregistrer sous</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>L'opération a échoué ; rien n'a été modifié.</source>
        <translation>The operation failed; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>SyncInboxDialog</name>
    <message>
        <source>À régler après la synchronisation</source>
        <translation>To settle after syncing</translation>
    </message>
    <message>
        <source>Modifications refusées (%1)</source>
        <translation>Refused changes (%1)</translation>
    </message>
    <message>
        <source>Conflits (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <source>État de la synchronisation</source>
        <translation>Sync state</translation>
    </message>
</context>
<context>
    <name>UnlockCodeBox</name>
    <message>
        <source>Saisissez les 6 chiffres du code de déblocage reçu par e-mail.</source>
        <translation>Enter the 6 digits of the unlock code received by e-mail.</translation>
    </message>
    <message>
        <source>Recevoir un code de déblocage par e-mail</source>
        <translation>Receive an unlock code by e-mail</translation>
    </message>
    <message>
        <source>Un code envoyé à l'adresse de votre compte vous permet de vous connecter malgré le blocage.</source>
        <translation>A code sent to your account's address lets you sign in despite the lock.</translation>
    </message>
    <message>
        <source>Si ce compte existe, un code de déblocage vient d'être envoyé à son adresse e-mail. Saisissez-le, puis connectez-vous avec votre mot de passe.</source>
        <translation>If this account exists, an unlock code was just sent to its e-mail address. Enter it, then sign in with your password.</translation>
    </message>
    <message>
        <source>Code de &amp;déblocage :</source>
        <translation>&amp;Unlock code:</translation>
    </message>
    <message>
        <source>Code de déblocage</source>
        <translation>Unlock code</translation>
    </message>
    <message>
        <source>Les 6 chiffres reçus par e-mail.</source>
        <translation>The 6 digits received by e-mail.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Aucun carnet n'existe encore sur cet ordinateur. Revenez à l'accueil pour en créer un.</source>
        <translation>No record exists on this computer yet. Go back to the welcome screen to create one.</translation>
    </message>
    <message>
        <source>Saisissez votre mot de passe.</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <source>Ouverture du carnet…</source>
        <translation>Opening the record…</translation>
    </message>
    <message>
        <source>Le carnet n'a pas pu être ouvert. Réessayez ; si cela persiste, redémarrez Carnet.</source>
        <translation>The record could not be opened. Try again; if it persists, restart Carnet.</translation>
    </message>
    <message>
        <source>Ouvrir mon carnet</source>
        <translation>Open my record</translation>
    </message>
    <message>
        <source>Votre carnet est chiffré sur cet ordinateur. Saisissez votre mot de passe.</source>
        <translation>Your record is encrypted on this computer. Type your password.</translation>
    </message>
    <message>
        <source>&amp;Carnet :</source>
        <translation>&amp;Record:</translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Clé de &amp;secours :</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <source>J'ai &amp;oublié mon mot de passe : utiliser ma clé de secours</source>
        <translation>I &amp;forgot my password: use my recovery key</translation>
    </message>
    <message>
        <source>Utiliser la clé de secours</source>
        <translation>Use the recovery key</translation>
    </message>
    <message>
        <source>Ouvrir le carnet avec la clé de secours imprimée à sa création, puis choisir un nouveau mot de passe.</source>
        <translation>Open the record with the recovery key printed when it was created, then choose a new password.</translation>
    </message>
    <message>
        <source>&amp;Déverrouiller</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Carnet à ouvrir</source>
        <translation>Record to open</translation>
    </message>
    <message>
        <source>Choisissez le carnet de la personne.</source>
        <translation>Choose the person's record.</translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>La clé imprimée à la création du carnet.</source>
        <translation>The key printed when the record was created.</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Le mot de passe de ce carnet.</source>
        <translation>The password of this record.</translation>
    </message>
    <message>
        <source>Déverrouiller</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Ouvrir le carnet avec ce mot de passe.</source>
        <translation>Open the record with this password.</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Revenir à l'écran d'accueil.</source>
        <translation>Go back to the welcome screen.</translation>
    </message>
</context>
<context>
    <name>UpcomingCard</name>
    <message>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>À faire</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>À &amp;venir</source>
        <translation>&amp;Upcoming</translation>
    </message>
    <message>
        <source>À venir</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>Rendez-vous et actes de prévention ; Entrée ouvre celui choisi.</source>
        <translation>Appointments and prevention acts; Enter opens the chosen one.</translation>
    </message>
    <message>
        <source>Ouvrir dans l'agenda.</source>
        <translation>Open in the agenda.</translation>
    </message>
    <message>
        <source>Ouvrir dans Prévention.</source>
        <translation>Open in Prevention.</translation>
    </message>
    <message>
        <source>Rien de prévu : ni rendez-vous dans les trois mois, ni acte de prévention à faire.</source>
        <translation>Nothing planned: no appointment in the next three months, no prevention act to do.</translation>
    </message>
    <message numerus="yes">
        <source>… et %n autre(s)</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaccinationForm</name>
    <message>
        <source>JJ/MM/AAAA</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <source>JJ/MM/AAAA HH:MM</source>
        <translation>DD/MM/YYYY HH:MM</translation>
    </message>
    <message>
        <source>Obligatoire</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Facultatif</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Ajouter la vaccination</source>
        <translation>Add the vaccination</translation>
    </message>
    <message>
        <source>Enregistrer sur ce poste ; envoi dès que possible.</source>
        <translation>Save on this workstation; sent as soon as possible.</translation>
    </message>
</context>
<context>
    <name>VaccinationsPage</name>
    <message>
        <source>lot %1</source>
        <translation>batch %1</translation>
    </message>
    <message>
        <source>Moi</source>
        <translation>Me</translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation>A health professional</translation>
    </message>
    <message>
        <source>L'Assurance Maladie</source>
        <translation>The Assurance Maladie</translation>
    </message>
    <message>
        <source>Vaccin</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Dose et lot</source>
        <translation>Dose and batch</translation>
    </message>
    <message>
        <source>Ajoutée par</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>Ajouter une vaccination</source>
        <translation>Add a vaccination</translation>
    </message>
    <message>
        <source>Modifier la vaccination</source>
        <translation>Edit the vaccination</translation>
    </message>
    <message>
        <source>La vaccination « %1 » du %2 sera supprimée de votre carnet, sur tous vos appareils après la synchronisation.</source>
        <translation>The vaccination '%1' of %2 will be deleted from your record, on all your devices after syncing.</translation>
    </message>
    <message>
        <source>Vaccination « %1 » supprimée.</source>
        <translation>Vaccination '%1' deleted.</translation>
    </message>
    <message>
        <source>Des vaccinations sont enregistrées dans votre carnet : supprimez-les d'abord si vous n'êtes vraiment pas concerné.</source>
        <translation>Vaccinations are recorded in your carnet: delete them first if they really do not concern you.</translation>
    </message>
    <message>
        <source>L'opération a échoué ; rien n'a été modifié.</source>
        <translation>The operation failed; nothing was changed.</translation>
    </message>
    <message>
        <source>Cette vaccination a été ajoutée par %1 : vous ne pouvez ni la modifier ni la supprimer.</source>
        <translation>This vaccination was added by %1: you can neither edit nor delete it.</translation>
    </message>
    <message>
        <source>Retirer « n&amp;on concerné »</source>
        <translation>Remove « not c&amp;oncerned »</translation>
    </message>
    <message>
        <source>N&amp;on concerné</source>
        <translation>N&amp;ot concerned</translation>
    </message>
    <message>
        <source>Retirer « non concerné »</source>
        <translation>Withdraw « not concerned »</translation>
    </message>
    <message>
        <source>Ne plus déclarer la rubrique Vaccinations vide.</source>
        <translation>Stop declaring the Vaccinations section empty.</translation>
    </message>
    <message>
        <source>Non concerné</source>
        <translation>Not concerned</translation>
    </message>
    <message>
        <source>Indiquer que vous n'êtes pas concerné par les vaccinations.</source>
        <translation>Say that vaccinations do not concern you.</translation>
    </message>
    <message>
        <source>Vous avez indiqué ne pas être concerné par les vaccinations.</source>
        <translation>You said that vaccinations do not concern you.</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
    <message>
        <source>Vos vaccinations et celles que des professionnels ont ajoutées. Entrée pour modifier la vôtre.</source>
        <translation>Your vaccinations and those professionals added. Enter to edit your own.</translation>
    </message>
    <message>
        <source>&amp;Nouvelle vaccination</source>
        <translation>&amp;New vaccination</translation>
    </message>
    <message>
        <source>&amp;Modifier</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Vaccin, date, dose et lot, qui l'a ajoutée.</source>
        <translation>Vaccine, date, dose and batch, who added it.</translation>
    </message>
    <message>
        <source>Nouvelle vaccination</source>
        <translation>New vaccination</translation>
    </message>
    <message>
        <source>Vider le formulaire pour en ajouter une.</source>
        <translation>Empty the form to add one.</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Modifier la vaccination choisie (les vôtres).</source>
        <translation>Edit the chosen vaccination (your own ones).</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Supprimer la vaccination choisie ; demande confirmation.</source>
        <translation>Delete the chosen vaccination; asks for confirmation.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Bienvenue dans Carnet</source>
        <translation>Welcome to Carnet</translation>
    </message>
    <message>
        <source>Votre carnet de santé personnel, chiffré sur cet ordinateur. Choisissez ce que vous souhaitez faire.</source>
        <translation>Your personal health record, encrypted on this computer. Choose what you want to do.</translation>
    </message>
    <message>
        <source>Chez moi</source>
        <translation>At home</translation>
    </message>
    <message>
        <source>Première fois ici ?</source>
        <translation>First time here?</translation>
    </message>
    <message>
        <source>Autres situations</source>
        <translation>Other situations</translation>
    </message>
    <message>
        <source>J'ai reçu mon &amp;code d'activation</source>
        <translation>I received my activation &amp;code</translation>
    </message>
    <message>
        <source>Activer Mon espace santé avec le code reçu par courrier ou par e-mail.</source>
        <translation>Activate Mon espace santé with the code received by post or e-mail.</translation>
    </message>
    <message>
        <source>J'ai &amp;déjà un compte</source>
        <translation>I &amp;already have an account</translation>
    </message>
    <message>
        <source>Me connecter au service et installer mon carnet sur cet ordinateur.</source>
        <translation>Log in to the service and set up my record on this computer.</translation>
    </message>
    <message>
        <source>&amp;Ouvrir mon carnet</source>
        <translation>&amp;Open my record</translation>
    </message>
    <message>
        <source>Ouvrir le carnet déjà présent sur cet ordinateur, même sans connexion.</source>
        <translation>Open the record already on this computer, even offline.</translation>
    </message>
    <message>
        <source>Je ne veux &amp;pas de Mon espace</source>
        <translation>I do &amp;not want Mon espace</translation>
    </message>
    <message>
        <source>M'opposer à la création de mon espace santé.</source>
        <translation>Object to the creation of my health space.</translation>
    </message>
    <message>
        <source>C&amp;réer un carnet sur cet ordinateur</source>
        <translation>C&amp;reate a record on this computer</translation>
    </message>
    <message>
        <source>Commencer un carnet personnel, sans compte en ligne pour l'instant.</source>
        <translation>Start a personal record, without an online account for now.</translation>
    </message>
    <message>
        <source>Séance accompa&amp;gnée (aidant)</source>
        <translation>Assisted session (&amp;helper)</translation>
    </message>
    <message>
        <source>Pour un aidant (France Services, pharmacien, proche) qui accompagne une personne : rien de la personne ne reste sur cet ordinateur.</source>
        <translation>For a helper (France Services, pharmacist, relative) assisting someone: nothing of that person stays on this computer.</translation>
    </message>
    <message>
        <source>Poste de &amp;soins (professionnel de santé)</source>
        <translation>Clinic &amp;workstation (health professional)</translation>
    </message>
    <message>
        <source>Pour un professionnel de santé sur un ordinateur partagé : ses patients, hors ligne si besoin.</source>
        <translation>For a health professional on a shared computer: their patients, offline if needed.</translation>
    </message>
    <message>
        <source>&amp;Un proche est décédé</source>
        <translation>A relative has &amp;died</translation>
    </message>
    <message>
        <source>Héritier, partenaire de PACS ou concubin : demander l'accès à son dossier (ouvrez d'abord votre propre carnet, relié à votre compte).</source>
        <translation>Heir, PACS partner or cohabiting partner: ask for access to their record (first open your own record, linked to your account).</translation>
    </message>
    <message>
        <source>Identifiant oublié ?</source>
        <translation>Forgotten identifier?</translation>
    </message>
    <message>
        <source>Recevoir votre identifiant à l'adresse e-mail de votre compte.</source>
        <translation>Receive your identifier at your account's e-mail address.</translation>
    </message>
    <message>
        <source>Mot de passe oublié ?</source>
        <translation>Forgotten password?</translation>
    </message>
    <message>
        <source>Choisir un nouveau mot de passe pour votre compte avec un code reçu par e-mail.</source>
        <translation>Choose a new password for your account with a code received by e-mail.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Erreur</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Onglets précédents</source>
        <translation>Previous tabs</translation>
    </message>
    <message>
        <source>Faire défiler les onglets vers la gauche.</source>
        <translation>Scroll the tabs to the left.</translation>
    </message>
    <message>
        <source>Onglets suivants</source>
        <translation>Next tabs</translation>
    </message>
    <message>
        <source>Faire défiler les onglets vers la droite.</source>
        <translation>Scroll the tabs to the right.</translation>
    </message>
    <message>
        <source>Contenu à faire défiler</source>
        <translation>Scrollable content</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Ajouter un document</source>
        <translation>Add a document</translation>
    </message>
</context>
<context>
    <name>self.owner</name>
    <message>
        <source>Saisissez un mot de passe.</source>
        <translation>Enter a password.</translation>
    </message>
</context>
</TS>