<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name>AccessHistoryPage</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 à %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrogation du service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint. L&apos;historique des accès de %1 n&apos;est pas gardé sur cet ordinateur : réessayez une fois connecté.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;historique des accès n&apos;a pas pu être chargé. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historique des accès — dossier de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui a ouvert le dossier de %1 ou modifié ses accès, quand, et si l&apos;accès a été autorisé ou refusé. Ces informations viennent du service ; vous ne pouvez pas les modifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historique des accès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui a ouvert votre dossier ou modifié ses accès, quand, et si l&apos;accès a été autorisé ou refusé. Ces informations viennent du service ; vous ne pouvez pas les modifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas encore chargé. « Actualiser » interroge le service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : copie enregistrée le %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À jour le %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout le monde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professionnels de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Représentants légaux et aidants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autres (service, assurance…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Qui :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&apos;afficher que les accès de ce type de personne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entre le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limiter aux dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&apos;afficher que les accès entre deux dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premier jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premier jour affiché, inclus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier jour affiché, inclus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander au service la dernière version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de la copie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du plus récent au plus ancien.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessSettingsPage</name>
    <message>
        <source>Professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jusqu&apos;au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bloqué</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autorisé le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez le numéro RPPS du professionnel : 11 chiffres, sans espace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoriser ce professionnel ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 pourra ouvrir votre dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoriser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bloquer ce professionnel ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 ne pourra plus rien voir de votre dossier. Il perd son autorisation et ses rôles (administrateur, médecin traitant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bloquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Débloquer ce professionnel ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 ne sera plus bloqué, mais il ne sera pas autorisé pour autant : pour qu&apos;il ouvre votre dossier, autorisez-le ensuite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Débloquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En cas d&apos;urgence, aucun professionnel ne pourra plus ouvrir votre dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les accès en cas d&apos;urgence seront ceux que vous avez cochés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier l&apos;accès en urgence ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seul un professionnel autorisé peut être administrateur : autorisez-le.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 pourra gérer votre dossier comme administrateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 ne sera plus administrateur ; il reste autorisé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les lit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consentement exprès (médecine du travail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer le consentement à la médecine du tra&amp;vail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer le consentement à la médecine du travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le médecin du travail ne pourra plus ouvrir le dossier ; demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoriser la médecine du travail (consentement e&amp;xprès)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoriser la médecine du travail (consentement exprès)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour un médecin du travail, une autorisation ne suffit pas : il lui faut votre consentement exprès. Demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 (RPPS %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (RPPS %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pourra ouvrir votre dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un professionnel autorisé dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (RPPS %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ne pourra plus ouvrir votre dossier, dès maintenant, et perd ses rôles (administrateur). Ce qu&apos;il y a déjà ajouté reste dans votre dossier. Il n&apos;est pas bloqué : vous pourrez l&apos;autoriser à nouveau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer l&apos;autorisation ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer l&apos;autorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Après votre décès, vos proches (ayants droit) ne pourront pas accéder à votre dossier, même pour connaître la cause du décès ou faire valoir leurs droits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Après votre décès, vos proches (ayants droit) pourront demander l&apos;accès à votre dossier dans les cas prévus par la loi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès de vos proches après votre décès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès et &amp;confidentialité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Historique des accès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Tab passe d&apos;un onglet à l&apos;autre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ne pourra plus rien voir de votre dossier. Il perd son autorisation et ses rôles (administrateur, médecin traitant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ne sera plus bloqué, mais il ne sera pas autorisé pour autant : pour qu&apos;il ouvre votre dossier, autorisez-le ensuite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le médecin du travail %1 ne pourra plus ouvrir votre dossier, dès maintenant. Ce qu&apos;il y a déjà ajouté reste dans votre dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer le consentement ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer le consentement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le médecin du travail %1 pourra ouvrir votre dossier. C&apos;est votre consentement exprès : il est facultatif et vous pourrez le retirer à tout moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoriser la médecine du travail ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donner mon consentement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pourra gérer votre dossier comme administrateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ne sera plus administrateur ; il reste autorisé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deviendra votre médecin traitant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le professionnel de RPPS %1 deviendra votre médecin traitant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous n&apos;aurez plus de médecin traitant dans votre dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Médecin traitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les nouveaux documents seront masqués aux professionnels jusqu&apos;à ce que vous les démasquiez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les nouveaux documents seront visibles des professionnels autorisés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidentialité des nouveaux documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez l&apos;identifiant Carnet du proche aidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pourra consulter votre dossier jusqu&apos;au %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviter un proche aidant ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord l&apos;aidant dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ne pourra plus consulter votre dossier, dès maintenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer ce proche aidant ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus lui montrer mes &amp;messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lui montrer mes &amp;messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus lui montrer mes messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lui montrer mes messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos conversations avec les professionnels, en lecture seule. Demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ne verra plus vos conversations avec les professionnels, dès maintenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus lui montrer vos messages ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus les montrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pourra lire vos conversations avec les professionnels de santé, tant qu&apos;il ou elle est votre proche aidant. Il ou elle ne pourra pas y répondre. Chaque lecture est inscrite dans votre historique des accès.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lui montrer vos messages ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Montrer mes messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties de l&apos;accès et de la confidentialité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Tab ou Ctrl+Page suivante passe d&apos;un onglet à l&apos;autre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès et confidentialité — dossier de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui peut ouvrir le dossier de %1. Chaque changement vous est demandé avant d&apos;être appliqué.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès et confidentialité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui peut ouvrir votre dossier. Chaque changement vous est demandé avant d&apos;être appliqué.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copie du %1 — hors ligne. Les réglages ne peuvent pas être modifiés sans connexion : reconnectez-vous puis choisissez « Actualiser ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À jour le %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraîcheur des réglages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer &amp;l&apos;autorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le professionnel choisi ne pourra plus ouvrir le dossier ; demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Je m&apos;&amp;oppose à l&apos;accès de mes proches à mon dossier après mon décès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander au service les réglages actuels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professionnels autorisés et bloqués</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professionnels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autorisés (avec la date) puis bloqués.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;RPPS :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro RPPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>11 chiffres ; choisir une ligne le remplit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;utoriser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il pourra ouvrir le dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bloquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce professionnel ne verra plus rien.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Débloquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Débloquer n&apos;autorise pas à nouveau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En cas d&apos;urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le &amp;SAMU peut ouvrir mon dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les autres &amp;professionnels peuvent l&apos;ouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admi&amp;nistrateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dé&amp;finir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant, fin, état, messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubriques des accès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun professionnel autorisé ni bloqué</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour qu&apos;un professionnel de santé puisse ouvrir votre dossier, saisissez son numéro RPPS ci-dessous ou choisissez « Chercher par nom… », puis « Autoriser ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun proche aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un proche aidant peut consulter votre dossier jusqu&apos;à la date choisie. Saisissez son identifiant Carnet et la date de fin ci-dessous, puis « Inviter ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Après votre décès, vos proches (ayants droit, partenaire de PACS, concubin) peuvent demander l&apos;accès à votre dossier dans les cas prévus par la loi : connaître la cause du décès, défendre votre mémoire ou faire valoir leurs droits. Vous pouvez vous y opposer dès maintenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enfants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Après mon décès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ils voient aussi les documents &amp;masqués</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tout masquer, y compris en cas d&apos;urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indisponible quand ni le SAMU ni les autres professionnels ne peuvent ouvrir le dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enregistrer l&apos;accès en urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer l&apos;accès en urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Désigner ou retirer un administrateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actuel : %1 (RPPS %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun médecin traitant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPPS du médecin traitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vide : aucun médecin traitant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Définir le médecin traitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hercher par nom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chercher un professionnel par nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Par nom, profession et ville ; le choix remplit le RPPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cherch&amp;er par nom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chercher le médecin traitant par nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer par défaut les nouveaux documents aux professionnels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proches aidants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant de l&apos;aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son identifiant Carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin de l&apos;accès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier jour, inclus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inviter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer l&apos;aidant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessWords</name>
    <message>
        <source>Le service Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (RPPS %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, accompagné par %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titulaire du dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Représentant légal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proche aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professionnel de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ayant droit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assureur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouverture du dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation du dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès en urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autorisation d&apos;un professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrait d&apos;une autorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocage d&apos;un professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déblocage d&apos;un professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Désignation d&apos;un administrateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrait d&apos;un administrateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choix du médecin traitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réglages d&apos;accès en urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidentialité par défaut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation d&apos;un proche aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrait d&apos;un proche aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renoncement d&apos;un proche aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajout d&apos;un représentant légal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrait d&apos;un représentant légal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consentement exprès à la médecine du travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrait du consentement à la médecine du travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opposition à l&apos;accès des proches après le décès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin de l&apos;opposition à l&apos;accès des proches après le décès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Création de l&apos;espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Début de l&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation de l&apos;espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opposition à l&apos;espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réactivation de l&apos;espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermeture de l&apos;espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rattachement d&apos;un enfant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation de l&apos;histoire de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mise à jour de l&apos;histoire de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation (réception)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation (envoi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révocation d&apos;un appareil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouverture du dossier hors ligne</source>
        <translation>Ouverture du dossier hors ligne</translation>
    </message>
    <message>
        <source>Consultation de l&apos;historique des accès</source>
        <translation>Consultation de l&apos;historique des accès</translation>
    </message>
    <message>
        <source>Consultation des réglages d&apos;accès</source>
        <translation>Consultation des réglages d&apos;accès</translation>
    </message>
    <message>
        <source>Rappel de l&apos;identifiant</source>
        <translation>Rappel de l&apos;identifiant</translation>
    </message>
    <message>
        <source>Déconnexion</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Changement du mot de passe</source>
        <translation>Changement du mot de passe</translation>
    </message>
    <message>
        <source>Réinitialisation du mot de passe</source>
        <translation>Réinitialisation du mot de passe</translation>
    </message>
    <message>
        <source>Demande de réinitialisation du mot de passe</source>
        <translation>Demande de réinitialisation du mot de passe</translation>
    </message>
    <message>
        <source>Renouvellement de la connexion</source>
        <translation>Renouvellement de la connexion</translation>
    </message>
    <message>
        <source>Masquage d&apos;un document</source>
        <translation>Masquage d&apos;un document</translation>
    </message>
    <message>
        <source>Fin du masquage d&apos;un document</source>
        <translation>Fin du masquage d&apos;un document</translation>
    </message>
    <message>
        <source>Résultat rendu visible après la consultation d&apos;annonce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrement du décès</source>
        <translation>Enregistrement du décès</translation>
    </message>
    <message>
        <source>Suppression de l&apos;espace santé</source>
        <translation>Suppression de l&apos;espace santé</translation>
    </message>
    <message>
        <source>Demande de suppression de l&apos;espace santé</source>
        <translation>Demande de suppression de l&apos;espace santé</translation>
    </message>
    <message>
        <source>Justificatif refusé</source>
        <translation>Justificatif refusé</translation>
    </message>
    <message>
        <source>Modification des accès</source>
        <translation>Modification des accès</translation>
    </message>
    <message>
        <source>Opération sur l&apos;espace santé</source>
        <translation>Opération sur l&apos;espace santé</translation>
    </message>
    <message>
        <source>Connexion au service</source>
        <translation>Connexion au service</translation>
    </message>
    <message>
        <source>Opération sur un document</source>
        <translation>Opération sur un document</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Autre opération</source>
        <translation>Autre opération</translation>
    </message>
    <message>
        <source>professionnel autorisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>professionnel non autorisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>professionnel bloqué</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>titulaire du dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autorisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 : %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountForms</name>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountPasswordSteps</name>
    <message>
        <source>Saisissez votre mot de passe actuel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changement du mot de passe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe actuel incorrect : rien n&apos;a été changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changer le mot de passe de mon compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe actuel et nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe changé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le nouveau mot de passe servira à vous connecter sur tous vos appareils ; les autres appareils seront déconnectés et vous demanderont de vous reconnecter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe &amp;actuel :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nouveau mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirmer le nouveau mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte est changé. Vos autres appareils sont déconnectés. Le carnet sur cet ordinateur garde son propre mot de passe : changez-le aussi dans Paramètres › Mot de passe si vous voulez le même partout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changer le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe actuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmer le nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez-le à nouveau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountRefusals</name>
    <message>
        <source>Ce code n&apos;est pas le bon, ou il a déjà servi, ou il a expiré. Vérifiez le dernier e-mail reçu ou demandez un nouveau code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce code a expiré : demandez-en un nouveau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre espace est déjà clôturé ou sa suppression est demandée : rouvrez-le d&apos;abord si vous le souhaitez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre espace est ouvert : il n&apos;y a rien à rouvrir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cet espace est déjà activé (ou clôturé) : connectez-vous avec « J&apos;ai déjà un compte », ou utilisez « Identifiant oublié » et « Mot de passe oublié ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code d&apos;activation, le numéro de sécurité sociale ou le numéro de série de la carte Vitale ne correspondent pas. Vérifiez les trois avec votre courrier et votre carte Vitale.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountSteps</name>
    <message>
        <source>Ce mot de passe n&apos;ouvre pas ce carnet : saisissez le mot de passe du carnet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivationWizard</name>
    <message>
        <source>✓ Cet identifiant respecte les règles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification de votre code auprès du service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas encore accepté : la raison est indiquée ci-dessus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification auprès du service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoi d&apos;un nouveau code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un nouveau code vient d&apos;être envoyé ; le précédent ne fonctionne plus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code reçu par e-mail compte 6 chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation et chiffrement de votre carnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activer Mon espace santé — étape %1 sur %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre code d&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre numéro de sécurité sociale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le numéro de série de votre carte Vitale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez votre identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez votre mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code reçu par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il figure dans le courrier ou l&apos;e-mail de l&apos;Assurance Maladie : 12 lettres et chiffres. Majuscules ou minuscules, peu importe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code d&apos;activation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les 15 chiffres inscrits sur votre carte Vitale ou votre attestation, clé comprise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Numéro de sécurité sociale :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il est imprimé sur le devant de la carte, en bas à droite, sous la photo (encadré en rouge).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de &amp;série de la carte Vitale :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous l&apos;utiliserez pour vous connecter. De 8 à 100 caractères : lettres minuscules sans accent, chiffres, point, tiret et tiret bas. Pas votre numéro de sécurité sociale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identifiant :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce mot de passe protège votre compte en ligne et chiffre votre carnet sur cet ordinateur. %1 Par exemple « %2 » — mais pas celle-ci, que tout le monde peut lire : inventez la vôtre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;nvoyer le code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renvoyer le code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recevoir un nouveau code par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirmer le mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un code à 6 chiffres vient d&apos;être envoyé à %1. Il est valable quelques minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par &amp;e-mail :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code d&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 lettres et chiffres, reçus par courrier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de sécurité sociale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 chiffres, clé comprise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de série de la carte Vitale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De 8 à 12 chiffres, imprimés en bas à droite du devant de la carte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dessin d&apos;une carte Vitale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le numéro de série est encadré en rouge, en bas à droite, sous la photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmer le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez-le une seconde fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passer à l&apos;étape suivante.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir à l&apos;étape précédente ou à l&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se répète</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>tous les %n jour(s)</source>
        <translation>
            <numerusform>tous les %n jours</numerusform>
            <numerusform>tous les %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>chaque jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>toutes les %n semaine(s)</source>
        <translation>
            <numerusform>toutes les %n semaines</numerusform>
            <numerusform>toutes les %n semaines</numerusform>
        </translation>
    </message>
    <message>
        <source>chaque semaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>tous les %n mois</source>
        <translation>
            <numerusform>tous les %n mois</numerusform>
            <numerusform>tous les %n mois</numerusform>
        </translation>
    </message>
    <message>
        <source>chaque mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, jusqu&apos;au %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n fois</source>
        <translation>
            <numerusform>, %n fois</numerusform>
            <numerusform>, %n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>Ajouter un rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier le rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le rendez-vous « %1 » du %2 sera supprimé de votre agenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rendez-vous exporté(s) dans %1 (fichier non chiffré).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>… et %1 autre(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déjà dans l&apos;agenda : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laissé de côté : %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rien à importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rendez-vous seront ajoutés à votre agenda :</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importer ces rendez-vous ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rendez-vous ajouté(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos rendez-vous de santé. Exportez-les vers l&apos;agenda de votre téléphone ou de votre messagerie (fichier .ics), ou importez ceux d&apos;un autre agenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nouveau rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter &amp;celui-ci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter ce rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exporter l&apos;agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter l&apos;agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Importer un fichier .ics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vider le formulaire pour en ajouter un.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier le rendez-vous choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer le rendez-vous choisi ; demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un fichier .ics pour ce seul rendez-vous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un fichier .ics avec tous vos rendez-vous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Montre ce qui sera ajouté avant de l&apos;ajouter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date, objet, professionnel, lieu et répétition.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchiveRestoreDialog</name>
    <message>
        <source>Saisissez la phrase de passe de l&apos;archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donnez un nom au carnet restauré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux mots de passe diffèrent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification et restauration de l&apos;archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer une archive chiffrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;archive « %1 » devient un nouveau carnet sur cet ordinateur ; aucun carnet existant n&apos;est modifié. Choisissez son nom et son mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hrase de passe de l&apos;archive :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nom du carnet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau &amp;mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmez le mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe de l&apos;archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisie lors de l&apos;export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le nom affiché à l&apos;ouverture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il protège le carnet restauré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation du mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérifier l&apos;archive, puis créer le carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssistedSession</name>
    <message>
        <source>Lire l&apos;écran à voix haute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&apos;accepte d&apos;être accompagné(e) pour cette session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre accord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;aidant vous aide à utiliser votre espace santé. Il ne voit pas votre mot de passe. À la fin, rien de votre dossier ne reste sur cet ordinateur. Prenez votre temps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant de votre espace santé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une voix lit chaque écran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valider cet écran et passer au suivant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre accord est nécessaire pour continuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous seul(e) le tapez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapez vous-même votre identifiant et votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aidant : merci de détourner le regard pendant la saisie du mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir à l&apos;écran précédent (touche Échap).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gérer les aidants de ma structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inscrire un aidant de votre structure, ou lui retirer l&apos;accès.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;aidant se connecte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;aidant se connecte avec son propre compte d&apos;aidant. Son nom et sa structure figureront dans l&apos;historique de votre dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La personne a reçu un code d&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activer Mon espace santé avec le code reçu par courrier ou par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La personne a déjà un compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se connecter avec son identifiant et son mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La personne ne veut pas de Mon espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&apos;opposer à la création de son espace, avec le code reçu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Que souhaitez-vous faire ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez ce qui correspond à votre situation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code à usage unique que vous avez reçu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code de confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un code vient de vous être envoyé par e-mail. Tapez-le ici.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code d&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 lettres et chiffres, reçus par courrier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre code d&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il figure dans le courrier ou l&apos;e-mail de l&apos;Assurance Maladie : 12 lettres et chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de sécurité sociale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 chiffres, clé comprise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre numéro de sécurité sociale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les 15 chiffres inscrits sur votre carte Vitale, clé comprise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de série de la carte Vitale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De 8 à 12 chiffres, imprimés en bas à droite du devant de la carte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le numéro de série de votre carte Vitale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il est imprimé sur le devant de la carte, en bas à droite, sous la photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant choisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De 8 à 100 caractères : lettres minuscules, chiffres, . - _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez votre identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous l&apos;utiliserez pour vous connecter. De 8 à 100 caractères : lettres minuscules sans accent, chiffres, point, tiret et tiret bas. Pas votre numéro de sécurité sociale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe choisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le même mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapez-le une seconde fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez votre mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code à 6 chiffres reçu par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmez votre adresse e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous ne voulez pas de Mon espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre espace ne sera pas créé : aucun document de santé n&apos;y sera déposé et les professionnels ne pourront pas le consulter. Vos remboursements ne changent pas. Vous pourrez changer d&apos;avis plus tard, avec le même code tant qu&apos;il est valable, ou auprès de votre caisse d&apos;Assurance Maladie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Je confirme : je ne veux pas de Mon espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer votre opposition auprès du service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une allergie, si vous en avez (facultatif).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traitement en cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un médicament pris (facultatif).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact d&apos;urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom d&apos;un proche à prévenir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléphone du contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son numéro de téléphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premières informations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout est facultatif : laissez vide ce que vous ne voulez pas renseigner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro RPPS du médecin traitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>11 chiffres ; laissez vide pour passer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre médecin traitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autorisez votre médecin traitant à consulter votre dossier (facultatif).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer la carte d&apos;urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer la carte d&apos;urgence à garder avec vos papiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce qui a été fait et la suite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminer la séance et tout effacer de cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service est injoignable : tout effacer sans envoyer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Étape %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une erreur est survenue ; rien n&apos;est perdu, réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, vous êtes connecté(e) comme responsable de %2. Pour accompagner une personne, choisissez « Continuer ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cochez la case pour donner votre accord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer le récapitulatif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimez ce qui vous est utile, puis terminez : tout est effacé de cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminer et tout effacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effacer sans envoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session terminée. Rien de votre dossier n&apos;est resté sur cet ordinateur. Merci !</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Au moins 12 caractères, difficile à deviner ; le plus simple : 7 mots sans lien entre eux.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Par exemple « %2 » — mais pas celle-ci, que tout le monde peut lire : inventez la vôtre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Étape %1 sur %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre opposition est enregistrée : votre espace ne sera pas créé. Imprimez le récapitulatif, puis terminez : tout est effacé de cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce mot de passe n&apos;est pas encore assez solide : suivez les conseils.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un code à 6 chiffres vient d&apos;être envoyé à %1. Tapez-le ici.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture à voix haute indisponible sur cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CareHistoryPage</name>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Médicament</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 à %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrogation du service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;histoire de santé n&apos;a pas pu être chargée. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histoire de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les soins remboursés par l&apos;Assurance Maladie au cours des 24 derniers mois : consultations et médicaments. Ces informations viennent du service ; vous ne pouvez pas les modifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas encore chargée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hors ligne : copie enregistrée le %1 (%n soin(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>À jour le %1 (%n soin(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander au service la dernière version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de la copie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soins des 24 derniers mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du plus récent au plus ancien.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildrenBox</name>
    <message>
        <source>Enfant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Né(e) le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Représentants légaux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recopiez le code d&apos;activation, le NIR et le numéro de série de la lettre reçue pour l&apos;enfant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous deviendrez représentant légal de l&apos;enfant dont la lettre porte ce code : vous gérerez son dossier et qui peut l&apos;ouvrir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un profil enfant ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez l&apos;identifiant Carnet du second représentant légal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deviendra aussi représentant légal de %2 : il gérera son dossier comme vous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un second représentant légal ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ne sera plus représentant légal de %2 et ne pourra plus ouvrir ni gérer son dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer ce représentant ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l&apos;enfant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gérer les accès de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir les réglages d&apos;accès du dossier de l&apos;enfant choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Représentants légaux et profils enfants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les enfants dont vous gérez le dossier, avec leurs représentants légaux.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profils enfants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enfant, date de naissance, représentants légaux.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant du second représentant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son identifiant Carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;jouter un second représentant légal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un second représentant légal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Représentant à retirer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les représentants de l&apos;enfant choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer &amp;ce représentant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer ce représentant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau profil enfant (lettre reçue pour l&apos;enfant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code d&apos;activation de l&apos;enfant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code d&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIR de l&apos;enfant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIR (15 chiffres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de série de la Carte Vitale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N° de série Carte Vitale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tel qu&apos;imprimé sur la lettre reçue pour l&apos;enfant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un profil enfant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun profil enfant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour gérer le dossier de votre enfant, saisissez ci-dessous le code d&apos;activation, le NIR et le numéro de série imprimés sur la lettre reçue pour lui, puis « Ajouter un profil enfant ».</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicDocumentWindow</name>
    <message>
        <source>Ouverture du document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En ligne : document ouvert depuis le service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copie chiffrée de ce poste : le service n&apos;a pas encore reçu le contenu de ce document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : document ouvert depuis la copie chiffrée de ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — dossier de %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document — Poste de soins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicMessagesDialog</name>
    <message>
        <source>Messagerie — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messagerie avec %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos conversations avec ce patient. Hors ligne, ce que vous écrivez est gardé sur ce poste et sera envoyé dès la reconnexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrée ouvre la conversation choisie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nouveau message au patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau message au patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commencer une conversation : un objet et un premier message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer ce qui attend et relire les messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fil de la conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les messages, du plus ancien au dernier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;objet de la nouvelle conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Objet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Envoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer le message (Ctrl+Entrée).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Joindre un document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joindre un document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un fichier de %1 Mo au plus joint à la réponse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tirer la pièce jointe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer la pièce jointe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La réponse partira sans document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer la messagerie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : aucune conversation avec ce patient n&apos;est gardée sur ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une erreur est survenue ; rien n&apos;est perdu, réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 caractères</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : copie de ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 message(s) en attente : ils seront envoyés dès la reconnexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau message à %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 caractères au plus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Réponse :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réponse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pièce jointe : %1 (%2 Ko)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce fichier ne peut pas être lu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune conversation avec ce patient : écrivez-lui un premier message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 non lu(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en attente d&apos;envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pièce jointe : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message gardé sur ce poste : la synchronisation l'envoie (dès la reconnexion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message envoyé.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicWindow</name>
    <message>
        <source>Poste clinique — connexion du professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro RPPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se connecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code à 6 chiffres envoyé par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valider le code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code de confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un code vient de vous être envoyé par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changer d&apos;utilisateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verrouiller ce profil, oublier la confiance de ce poste et revenir à la connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verrouiller le poste ; votre mot de passe seul le rouvre pendant la période de confiance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin de journée…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers ouverts, ajouts, ce qui attend encore et pourquoi, effacements : à l&apos;écran et à imprimer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès en urgence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher un patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom, date de naissance ou INS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seuls apparaissent les patients qui vous ont autorisé, ou ceux ouverts par accès en urgence. Recherche par nom, date de naissance (JJ/MM/AAAA) ou INS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparer la journée…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir les patients du jour et garder leurs dossiers sur ce poste pour travailler hors ligne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disponibles hors ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenu du dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histoire de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander au service les soins remboursés des 24 derniers mois (consultation tracée) ; hors ligne, la dernière copie de ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messagerie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écrire au patient ouvert et lire ses réponses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer le rendez-vous au patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer mon document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer le document choisi, si vous l&apos;avez ajouté depuis ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier mon document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changer le titre ou la date du document choisi, si vous l&apos;avez ajouté depuis ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher dans Carnet le document choisi : depuis le service en ligne, la copie du poste hors ligne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter au dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprendre la vaccination ou le document refusé dans son formulaire, le corriger et le renvoyer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réessayer maintenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun patient trouvé parmi ceux qui vous ont autorisé (ou ouverts en urgence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas encore sur ce poste : préparez la journée pour le consulter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : pas de copie de l&apos;histoire de santé sur ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : dernière copie de ce poste, du %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corriger le document refusé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a retiré votre autorisation d&apos;accès : la copie de son dossier a été effacée de ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>11 chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recevoir un code par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminer la connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir aux identifiants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Première connexion (code d&apos;enrôlement)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir votre mot de passe avec le code d&apos;enrôlement reçu par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Première connexion : choisir votre mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code d&apos;enrôlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code reçu par e-mail (12 lettres et chiffres).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Au moins 12 caractères, difficile à deviner (la même règle que pour les patients).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmez le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le même, une seconde fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir ce mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activer votre accès professionnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code d&apos;enrôlement figure dans l&apos;e-mail « Accès professionnel Carnet ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux mots de passe sont différents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code compte 6 chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecté : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · poste de confiance jusqu&apos;au %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour l&apos;agenda du patient : il en est prévenu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une vaccination ou un rendez-vous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifications du jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chaque modification : envoyée, en attente, ou refusée avec le motif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&apos;ai pris connaissance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer de la liste la modification refusée choisie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corriger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer le document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer ce document du dossier du patient ? La suppression lui sera envoyée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSÉE : %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EN CONFLIT : %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En attente : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyée : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bris de glace : ouvrir un dossier en urgence, en ligne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom, date de naissance (JJ/MM/AAAA) ou INS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chercher parmi vos patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrée ouvre le dossier choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation tracée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparation de la journée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrompre la préparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrêter ; ce qui est déjà sur ce poste y reste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrée ouvre le dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disponibles hors ligne sur ce poste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section par section, ce que vous pouvez voir, ou pourquoi c&apos;est masqué ; en lecture seule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre profession n&apos;inscrit pas de vaccinations dans le carnet : ajoutez un document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joindre un fichier au dossier ouvert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer maintenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : copie de ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En attente d&apos;envoi (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — dont %1 refusée(s) : à revoir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — disponible hors ligne jusqu&apos;au %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autorisation retirée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès en urgence — jusqu&apos;au %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun dossier ouvert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se connecter avec Pro Santé Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avec votre e-CPS, dans le navigateur ; le mot de passe ouvre vos données sur ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminez la connexion dans votre navigateur…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <source>Champ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autre appareil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder l&apos;autre appareil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder le mien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valeur à garder pour %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avant : %1 ; autre appareil : %2 ; cet ordinateur : %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflits à régler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La même information a été modifiée sur deux appareils. Pour chaque champ, choisissez la valeur à garder ; votre choix sera envoyé à tous vos appareils.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun conflit : tout est à jour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appliquer mes choix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez un conflit à régler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appliquer mes choix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder les valeurs choisies.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateProfilePage</name>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Création et chiffrement du carnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet n&apos;a pas pu être créé ; rien n&apos;a été enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer un carnet sur cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet sera chiffré avec votre mot de passe. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nom du carnet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmer :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer le &amp;carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Par exemple votre prénom et votre nom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe qui chiffre ce carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmer le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez-le une seconde fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer le carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer et chiffrer le carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir à l&apos;écran d&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesBox</name>
    <message>
        <source>Appareil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernière connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cet ordinateur)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoqué</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrogation du service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n appareil(s) relié(s) à votre compte.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Le service n&apos;a pas répondu. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoquer un appareil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » ne pourra plus se connecter à votre compte ni se synchroniser, dès maintenant. Ce qu&apos;il n&apos;a pas encore envoyé ne vous parviendra pas. Vous pourrez le reconnecter plus tard avec votre identifiant, votre mot de passe et un code reçu par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appareils reliés à mon compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoquez un appareil perdu, vendu ou que vous n&apos;utilisez plus : il ne pourra plus se connecter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher les a&amp;ppareils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révo&amp;quer l&apos;appareil choisi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez un appareil à révoquer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher les appareils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander la liste au service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Révoquer l&apos;appareil choisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une question vous demandera de confirmer. Cet ordinateur ne peut pas être révoqué d&apos;ici.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Ajouter un document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le document est ajouté au dossier ouvert ; le patient est prévenu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les catégories que votre profession peut ajouter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obligatoire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JJ/MM/AAAA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facultative, JJ/MM/AAAA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible par le patient après la consultation d&apos;annonce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le patient le verra à la date choisie, au plus tard un mois après l&apos;ajout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible à partir du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JJ/MM/AAAA, dans le mois qui vient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soins confidentiels du mineur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un mineur qui garde ces soins secrets : ses représentants légaux ne le voient pas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter le document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer sur ce poste ; envoi dès que possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer sans rien ajouter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date invalide : JJ/MM/AAAA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indiquez à partir de quand le patient le verra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le titre est obligatoire.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Document affiché : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 sur %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raccourci : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez un document dans la liste pour l&apos;afficher ici.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce PDF est illisible (fichier abîmé ?) : il ne peut pas être affiché.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce format ne peut pas être affiché dans Carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun document affiché</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visionneuse de document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document médical CDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajuster à la largeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taille normale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agrandir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remettre dans la page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir dans une fenêtre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La page occupe toute la largeur de la visionneuse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher la page plus petite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher la page plus grande.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donner à la visionneuse toute la place de la page, ou la lui rendre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher le document dans une fenêtre séparée, que vous pouvez agrandir ; Échap l&apos;y remet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom arrière</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom avant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page affichée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le document est affiché dans une fenêtre séparée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remettre le document ici</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer la fenêtre séparée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Moi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;Assurance Maladie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masqué aux professionnels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible des professionnels autorisés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masqué</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidentialité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter les éléments du document ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce document contient %1 élément(s) (vaccinations, résultats, traitements, allergies, maladies). Les ajouter à votre carnet ? Ils seront indiqués comme importés de ce document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter au carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas maintenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Éléments ajoutés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le document « %1 » ne sera plus visible des professionnels de santé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son auteur, votre médecin traitant et vos administrateurs le verront encore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous pourrez le démasquer à tout moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer ce document ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le document « %1 » sera de nouveau visible des professionnels que vous avez autorisés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Démasquer ce document ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Démasquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document « %1 » masqué.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document « %1 » démasqué.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le document « %1 » sera supprimé de votre carnet. Cette action ne peut pas être annulée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer ce document ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être lu. Vérifiez qu&apos;il existe toujours et réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Démasquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Masquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouté par : %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce document ne peut pas être supprimé, seulement masqué.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les documents ajoutés par un professionnel ou l&apos;Assurance Maladie ne peuvent être que masqués.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer le document choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Catégorie :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toutes les catégories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ajouter un document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;fficher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous pouvez aussi glisser un fichier dans cette fenêtre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Titre :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caté&amp;gorie :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date du &amp;document :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enregistrer le document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nnuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrer par catégorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&apos;afficher que les documents de cette catégorie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liste des documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrée pour afficher le document choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir un fichier PDF, une image ou un texte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher le document choisi dans Carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer ou démasquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cacher le document aux professionnels, ou le montrer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titre du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catégorie du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer le document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chiffrer et ranger le fichier dans le carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne pas ajouter ce fichier.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>Accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil médical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histoire de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historique des accès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès et confidentialité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messagerie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n non lue(s))</source>
        <translation>
            <numerusform>%1 (%n non lue)</numerusform>
            <numerusform>%1 (%n non lues)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n message(s) non lu(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubriques du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1 à Ctrl+%1 pour changer de rubrique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prévention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mes demandes de dossier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Saisissez le mot de passe de votre carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux phrases de passe diffèrent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichiers FHIR (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archives Carnet (*.carnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Télécharger mes données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparation de vos données…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléchargement des documents… %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos données sont enregistrées dans %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) ne sont pas encore sur cet ordinateur et n&apos;y sont pas : synchronisez, puis téléchargez de nouveau.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ce fichier n&apos;est pas chiffré : gardez-le en lieu sûr et supprimez-le après usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléchargement terminé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Télécharger toutes mes données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La synthèse IPS est le résumé international de votre santé ; le dossier FHIR contient tout, avec vos documents ; l&apos;archive chiffrée permet de restaurer le carnet sur un autre ordinateur. Le fichier est écrit à l&apos;endroit que vous choisissez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Synthèse IPS (FHIR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout le &amp;dossier (FHIR), avec vos documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive chiffrée de tout le carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;archive est chiffrée avec la phrase de passe que vous choisissez ci-dessous. Sans elle, personne — vous non plus — ne pourra la lire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention : un fichier FHIR n&apos;est pas chiffré. Toute personne qui y a accès peut lire vos données de santé. Gardez-le en lieu sûr et supprimez-le après usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mot de passe du carnet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hrase de passe de l&apos;archive :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmez la phrase de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demandé de nouveau pour exporter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe de l&apos;archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Au moins 12 caractères.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation de la phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Télécharger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Télécharger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir où écrire le fichier, puis l&apos;écrire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer cette fenêtre.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Accès en urgence (bris de glace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès en urgence : tracé, le patient en est informé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cet accès est tracé et le patient en est informé. Indiquez son INS et le motif de l&apos;urgence (au moins %1 caractères).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INS du patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant national de santé du patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez le motif dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Précisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obligatoire, au moins %1 caractères.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander l&apos;accès au service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer sans rien demander.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgence vitale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient inconscient ou hors d&apos;état d&apos;exprimer sa volonté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Régulation médicale (centre 15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soins urgents, patient et proches injoignables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autre (à préciser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif de l&apos;urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir en urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message>
        <source>Fin de journée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce que la journée laisse sur ce poste, à imprimer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feuille de fin de journée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers ouverts, ajouts, envois, effacements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer maintenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer au service ce qui attend encore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer la feuille de fin de journée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir au poste de soins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers ouverts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hors ligne, depuis la copie de ce poste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun dossier ouvert aujourd&apos;hui.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouté et envoyé (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rien.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas encore envoyé, et pourquoi (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en attente : le service n&apos;a pas encore été joint ; envoyé dès la prochaine connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout a été envoyé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ouverture(s) hors ligne pas encore signalée(s) au service (historique des accès du patient).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies gardées sur ce poste et leur effacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — effacée de ce poste le %2 (fin du bail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune copie sur ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryColumns</name>
    <message>
        <source>Rubrique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Élément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source> (obligatoire)</source>
        <translation> (obligatoire)</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JJ/MM/AAAA, MM/AAAA ou AAAA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JJ/MM/AAAA HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>06 12 34 56 78</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;enregistrement a échoué ; vos saisies sont conservées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ajouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vider le formulaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer cet élément dans « %1 ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vider le formulaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effacer les champs saisis.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Où enregistrer la sauvegarde du carnet ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegarde du carnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegarde impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegarde terminée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet est sauvegardé, chiffré, dans le dossier %1. La sauvegarde s&apos;ouvre avec votre mot de passe actuel : gardez-la sur une clé USB ou un disque à part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez le dossier de la sauvegarde (carnet-…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restauration impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restauration du carnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carnet restauré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet « %1 » est restauré et ouvert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez l&apos;archive chiffrée à restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archives Carnet (*.carnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer un fichier FHIR ou CDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichiers FHIR ou CDA (*.json *.xml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » ne peut pas être importé ; rien n&apos;a été modifié.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import terminé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » : %2 élément(s) et %3 document(s) ajoutés, %4 fusionné(s), %5 ignoré(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exporter / Imprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Télécharger toutes mes données…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sauvegarder le carnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restaurer une sauvegarde…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer une &amp;archive chiffrée…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Importer un fichier (FHIR, CDA)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDoors</name>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit ou lu (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué. Rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForgotIdentifierSteps</name>
    <message>
        <source>Saisissez l&apos;adresse e-mail donnée à l&apos;activation (avec un @).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoi de la demande au service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant oublié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre adresse e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regardez vos e-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez l&apos;adresse e-mail où vous recevez les messages de Mon espace santé : votre identifiant vous y sera envoyé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adresse &amp;e-mail :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si un compte correspond à %1, un e-mail avec votre identifiant vient d&apos;y être envoyé. Pensez à regarder dans les courriers indésirables. Rien reçu d&apos;ici quelques minutes ? Vérifiez l&apos;adresse, ou utilisez l&apos;adresse donnée à l&apos;activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Envoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adresse e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;adresse donnée à l&apos;activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander l&apos;identifiant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir en arrière.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForgotPasswordSteps</name>
    <message>
        <source>Saisissez votre identifiant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoi de la demande au service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code reçu par e-mail compte 6 chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changement du mot de passe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoi d&apos;un nouveau code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un nouveau code vient d&apos;être envoyé ; le précédent ne fonctionne plus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe oublié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code reçu et votre nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe changé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un code à 6 chiffres sera envoyé à l&apos;adresse e-mail de votre compte. Identifiant oublié aussi ? Fermez cette fenêtre et choisissez « Identifiant oublié ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identifiant :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si ce compte existe, un code vient d&apos;être envoyé à son adresse e-mail ; il est valable quelques minutes. Choisissez ensuite votre nouveau mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par &amp;e-mail :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;nvoyer le code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nouveau mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirmer le nouveau mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte est changé, et vos appareils sont déconnectés. Connectez-vous avec le nouveau. Le carnet déjà présent sur cet ordinateur garde son propre mot de passe : ouvrez-le avec l&apos;ancien (ou votre clé de secours), puis changez-le dans Paramètres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changer le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;identifiant choisi à l&apos;activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renvoyer le code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recevoir un nouveau code par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmer le nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez-le une seconde fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passer à l&apos;étape suivante.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir en arrière.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeirRequestDialog</name>
    <message>
        <source>Connaître les causes de son décès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Défendre sa mémoire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faire valoir mes droits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez son numéro de sécurité sociale (15 chiffres).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dites en quelques mots ce qui justifie votre demande.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoi de la demande…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La demande n&apos;a pas abouti. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint : la demande demande une connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demande refusée : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un proche est décédé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Héritier, partenaire de PACS ou concubin d&apos;une personne décédée, vous pouvez demander l&apos;accès à son dossier pour l&apos;une de ces trois raisons, sauf si elle s&apos;y est opposée de son vivant. Vous ne verrez que ce que cette raison demande. Votre demande est conservée, avec votre identité.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Je suis :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>son héritier ou son héritière</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>son partenaire de PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>son concubin ou sa concubine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre lien avec la personne décédée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pour :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La raison de votre demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son &amp;numéro de sécurité sociale :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de sécurité sociale de la personne décédée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Justification :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Par exemple : acte de notoriété, certificat de PACS, justificatif de domicile commun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Envoyer la demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer la demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ouvrir son dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir son dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En lecture seule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demande acceptée : le dossier de %1 (né(e) le %2) vous est ouvert, pour « %3 » seulement.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperSignIn</name>
    <message>
        <source>E-mail de l&apos;aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;adresse de votre compte d&apos;aidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe de l&apos;aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par l&apos;aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les 6 chiffres envoyés à votre adresse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un code à 6 chiffres vient d&apos;être envoyé à votre adresse e-mail d&apos;aidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Première connexion : j&apos;ai reçu un code d&apos;enrôlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Première connexion de l&apos;aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir le mot de passe de votre compte d&apos;aidant avec le code reçu par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code d&apos;enrôlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code reçu par e-mail de votre structure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau mot de passe de l&apos;aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau mot de passe, encore une fois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre compte d&apos;aidant est prêt : connectez-vous avec votre nouveau mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code d&apos;enrôlement reçu par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour à la connexion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpingBox</name>
    <message>
        <source>Personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Née le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jusqu&apos;au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sans fin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La liste n&apos;a pas pu être chargée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord la personne dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre rôle de proche aidant de %1 est terminé : son dossier ne vous est plus ouvert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous ne pourrez plus ouvrir l&apos;espace santé de %1, dès maintenant. Pour l&apos;aider à nouveau, il faudra qu&apos;il ou elle vous invite encore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus aider ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus aider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les personnes que j&apos;aide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : la liste des personnes que vous aidez se lit une fois le service joint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : copie du %1, les personnes qui vous ont désigné(e) comme proche aidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : copie du %1, personne ne vous avait désigné(e) comme proche aidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les personnes qui vous ont désigné(e) comme proche aidant, et jusqu&apos;à quand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personne ne vous a désigné(e) comme proche aidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personne, naissance, fin, état.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quand quelqu&apos;un vous désigne comme proche aidant, une notification vous prévient et la personne apparaît ici, avec la date de fin. Vous n&apos;avez rien à faire pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ouvrir son dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir son dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En lecture seule ; l&apos;ouverture est inscrite dans son historique des accès.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers de proches décédés qui vous sont ouverts (comme ayant droit) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers de proches décédés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personne, naissance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le dossier de ce &amp;proche…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le dossier de ce proche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En lecture seule, dans la limite de votre demande.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ne plus aider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un proche est &amp;décédé…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un proche est décédé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander l&apos;accès à son dossier, comme héritier, partenaire de PACS ou concubin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>… et d&apos;autres dans le profil médical</source>
        <translation>… et d&apos;autres dans le profil médical</translation>
    </message>
    <message>
        <source>Aucune allergie connue n&apos;est notée. Ajoutez-en dans le profil médical.</source>
        <translation>Aucune allergie connue n&apos;est notée. Ajoutez-en dans le profil médical.</translation>
    </message>
    <message>
        <source>Aucun traitement en cours n&apos;est noté.</source>
        <translation>Aucun traitement en cours n&apos;est noté.</translation>
    </message>
    <message>
        <source>Aucun document pour l&apos;instant : ajoutez une ordonnance ou un compte rendu.</source>
        <translation>Aucun document pour l&apos;instant : ajoutez une ordonnance ou un compte rendu.</translation>
    </message>
    <message>
        <source>Accueil — carnet de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation type="unfinished"></translation>
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
            <numerusform>%n élément dans le profil médical</numerusform>
            <numerusform>%n éléments dans le profil médical</numerusform>
        </translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Traitements en cours</source>
        <translation>Traitements en cours</translation>
    </message>
    <message>
        <source>Documents récents</source>
        <translation>Documents récents</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Actions rapides</source>
        <translation>Actions rapides</translation>
    </message>
    <message>
        <source>Ajouter une &amp;mesure</source>
        <translation>Ajouter une &amp;mesure</translation>
    </message>
    <message>
        <source>Noter un poids, une tension, une glycémie…</source>
        <translation>Noter un poids, une tension, une glycémie…</translation>
    </message>
    <message>
        <source>Ajouter un d&amp;ocument…</source>
        <translation>Ajouter un d&amp;ocument…</translation>
    </message>
    <message>
        <source>Ajouter une ordonnance, un compte rendu…</source>
        <translation>Ajouter une ordonnance, un compte rendu…</translation>
    </message>
    <message>
        <source>Imprimer ma carte d&apos;&amp;urgence</source>
        <translation>Imprimer ma carte d&apos;&amp;urgence</translation>
    </message>
    <message>
        <source>Allergies, traitements et personne à prévenir, à garder avec vos papiers.</source>
        <translation>Allergies, traitements et personne à prévenir, à garder avec vos papiers.</translation>
    </message>
    <message>
        <source>&amp;Derniers éléments ajoutés ou modifiés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derniers éléments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les éléments du carnet, du plus récent au plus ancien.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>%1 ×%2 : %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce que « %1 » apporte à votre carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n élément(s) à ajouter</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n élément(s) déjà présent(s), fusionné(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) à ajouter</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignoré(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rien n&apos;est encore enregistré. « Importer » enregistre tout d&apos;un coup ; « Annuler » ne change rien.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce fichier n&apos;apporte rien de nouveau à votre carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dans le fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fusionnés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignorés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ignorés, et pourquoi :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rien n&apos;est ignoré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Par type de données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce que le fichier contient et ce qui en sera fait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Éléments ignorés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chaque élément ignoré et la raison.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer tout ce qui est listé, d&apos;un coup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne rien importer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalCarnetChoice</name>
    <message>
        <source>Votre carnet sur cet ordinateur a son propre mot de passe : saisissez-le.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relier mon carnet « %1 » à mon compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer un nouveau carnet sur cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un carnet existe déjà sur cet ordinateur. Si c&apos;est le vôtre, reliez-le à votre compte : ses informations seront envoyées une seule fois sur votre espace, sans créer un second carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet sur cet ordina&amp;teur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe de ce carnet (s&apos;il &amp;diffère de celui du compte) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet sur cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relier un carnet existant ou en créer un.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laissez vide si c&apos;est le même que celui du compte.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginSteps</name>
    <message>
        <source>Saisissez votre identifiant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification auprès du service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code reçu par e-mail compte 6 chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connexion et ouverture de votre carnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoi du code de déblocage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me connecter à mon compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant et mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code reçu par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si votre carnet est déjà sur cet ordinateur, il s&apos;ouvre ; sinon il est créé et chiffré avec ce même mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identifiant :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un code à 6 chiffres vient de vous être envoyé par e-mail. Il est valable quelques minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par &amp;e-mail :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant &amp;oublié ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe oub&amp;lié ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant oublié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recevoir votre identifiant à l&apos;adresse e-mail de votre compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe oublié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir un nouveau mot de passe avec un code reçu par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se &amp;connecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;identifiant choisi à l&apos;activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe de votre compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code reçu par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 chiffres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passer à l&apos;étape suivante.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir à l&apos;étape précédente ou à l&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Carnet verrouillé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carnet ouvert : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État de la synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← &amp;Retour à l&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrez votre carnet : la demande pour un proche décédé suivra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour à l&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verrouille la session du professionnel et revient à l&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès retiré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cet ordinateur a été retiré de vos appareils (depuis un autre appareil ou par le service). Pour votre sécurité, la copie de votre carnet qu&apos;il gardait est effacée. Vos données enregistrées sur le service ne sont pas touchées : pour retrouver votre carnet ici, reconnectez-vous avec « J&apos;ai déjà un compte ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;accès de cet ordinateur à ce carnet a été retiré par le service. Sa copie locale est effacée de cet ordinateur ; les données enregistrées sur le service ne sont pas touchées. Si c&apos;est une erreur, demandez à la personne qui gère ce carnet de vous redonner l&apos;accès.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 modification(s) faite(s) sur cet ordinateur n&apos;avai(en)t pas encore été envoyée(s) : elle(s) est (sont) perdue(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toutes vos modifications avaient été envoyées : rien n&apos;est perdu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernière action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Ctrl+Z pour annuler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;annulation n&apos;a pas pu être faite : rien n&apos;a été rétabli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&apos;est rétabli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchroniser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voir les modifications refusées et les conflits à régler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchroniser maintenant avec le service (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carnet — mon carnet de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affichage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verrouiller le carnet maintenant (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;grandir le texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Réduire le texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contraste élevé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Langue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Synchroniser maintenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifications refusées et con&amp;flits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rétablir ce qui vient d&apos;être supprimé ou masqué.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>La mesure « %1 » du %2 sera supprimée de votre carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesure « %1 » supprimée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repère %1 : %2–%3</source>
        <translation>Repère %1 : %2–%3</translation>
    </message>
    <message>
        <source>%1 : dernière valeur %2 le %3, de %4 à %5</source>
        <translation>%1 : dernière valeur %2 le %3, de %4 à %5</translation>
    </message>
    <message numerus="yes">
        <source>%n mesure(s) sur le graphique</source>
        <translation>
            <numerusform>%n mesure sur le graphique</numerusform>
            <numerusform>%n mesures sur le graphique</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 : %2 le %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systolique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Liste et saisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Graphique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mesure :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter une mesure : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune mesure « %1 » pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type de mesure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez la mesure à afficher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historique des mesures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphique des mesures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liste ou graphique des mesures</source>
        <translation>Liste ou graphique des mesures</translation>
    </message>
    <message>
        <source>&amp;Supprimer la mesure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer la mesure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer la mesure choisie ; demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non lus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archivée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce carnet n&apos;est pas relié au service en ligne : la messagerie s&apos;ouvre une fois connecté.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La messagerie n&apos;a pas pu faire cela.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une réponse en attente a été refusée par le service : %1 Votre texte : « %2 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une conversation dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en attente d&apos;envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clore la conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clore « %1 » ? Ni vous ni %2 ne pourrez plus y répondre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archiver « %1 » ? Elle quitte la liste ; un nouveau message la fait revenir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer de ma vue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer « %1 » de votre vue ? Vous ne la verrez plus ; %2 garde sa correspondance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Mo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Ko</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joindre un fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pièce jointe : %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce fichier n&apos;a pas pu être lu : vérifiez qu&apos;il existe et réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » est enregistré dans vos documents (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bloquer cet expéditeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bloquer %1 ? Ce professionnel ne pourra plus vous écrire ni voir votre dossier, et perd son autorisation. Vous pourrez le débloquer dans Accès et confidentialité.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bloquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 est bloqué(e).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 caractères</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trop long, raccourcissez-le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messagerie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les messages que des professionnels de santé vous ont écrits. Seul un professionnel commence une conversation ; vous y répondez (%1 caractères au plus par message).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un professionnel peut vous écrire sans être autorisé à lire votre dossier. Si vous ne voulez plus recevoir ses messages, bloquez-le.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre réponse est en attente d&apos;envoi : la synchronisation l&apos;envoie dès que le service répond.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : les conversations gardées sur cet ordinateur. Les nouveaux messages arriveront au retour du service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s), %1 message(s) non lu(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez une conversation (Entrée) pour la lire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer les réponses en attente et relire la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Envoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Entrée dans la zone de réponse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lore la conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rchiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supprimer de ma vue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bloquer cet expéditeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Joindre un fichier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un document de %1 Mo au plus (PDF, image, texte), envoyé avec votre réponse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tirer la pièce jointe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer la pièce jointe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune pièce jointe (%1 Mo au plus).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer dans &amp;mes documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer dans mes documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La pièce jointe choisie rejoint vos documents, dans la catégorie choisie, liée à son message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pièces jointes de la conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catégorie du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La plus récente d&apos;abord ; Entrée ouvre la conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fil de la conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du premier message au dernier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre réponse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 caractères au plus. Ctrl+Entrée pour envoyer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre réponse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 à %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a ouvert votre dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a ouvert votre dossier en urgence (bris de glace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a ajouté un document à votre dossier : « %2 ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a ajouté un document à votre dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a inscrit une vaccination dans votre dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a ajouté un rendez-vous à votre agenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vous a écrit un message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vous a désigné(e) comme proche aidant, jusqu&apos;au %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La délégation de proche aidant avec %1 a pris fin le %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 : événement « %2 ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une notification dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce carnet n&apos;est pas relié au service en ligne : les notifications arrivent une fois connecté.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les notifications n&apos;ont pas pu être chargées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce qui s&apos;est passé dans votre dossier : un professionnel l&apos;a ouvert, y a ajouté un document, un accès en urgence, un proche aidant… Le service vous prévient aussi par e-mail, sans aucune donnée de santé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas encore chargées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hors ligne : copie enregistrée le %1 (%n non lue(s)).</source>
        <translation>
            <numerusform>Hors ligne : copie enregistrée le %1 (%n non lue).</numerusform>
            <numerusform>Hors ligne : copie enregistrée le %1 (%n non lues).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>À jour le %1 (%n non lue(s)).</source>
        <translation>
            <numerusform>À jour le %1 (%n non lue).</numerusform>
            <numerusform>À jour le %1 (%n non lues).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modification(s) en conflit attend(ent) votre choix.</source>
        <translation>
            <numerusform>%n modification en conflit attend votre choix.</numerusform>
            <numerusform>%n modifications en conflit attendent votre choix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modification(s) refusée(s) par le service : voyez pourquoi et quoi faire.</source>
        <translation>
            <numerusform>%n modification refusée par le service : voyez pourquoi et quoi faire.</numerusform>
            <numerusform>%n modifications refusées par le service : voyez pourquoi et quoi faire.</numerusform>
        </translation>
    </message>
    <message>
        <source>Voir les modifications &amp;refusées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voir les modifications refusées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voir les conflits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voir les conflits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander au service les dernières notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Marquer comme lue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer comme lue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La notification choisie (ou Entrée).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tout marquer comme lu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout marquer comme lu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de la liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recevoir aussi un e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quand un professionnel ouvre mon dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quand un professionnel ajoute un document ou une vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Au sujet de mes proches aidants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un accès en urgence vous est toujours signalé par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos choix d&apos;e-mail s&apos;affichent et se changent une fois le service joint. Un accès en urgence vous est toujours signalé par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enregistrer mes choix d&apos;e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer mes choix d&apos;e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De la plus récente à la plus ancienne.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnlineSteps</name>
    <message>
        <source>La démarche n&apos;a pas abouti ; rien n&apos;a été enregistré. Réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OppositionPage</name>
    <message>
        <source>M&apos;opposer à la création de mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre espace Mon espace santé ne sera pas créé : aucun document ne vous sera envoyé par ce service et les professionnels ne pourront pas y déposer de documents. Vous pourrez changer d&apos;avis plus tard en activant votre espace avec le même code, tant qu&apos;il est valable, ou en le demandant à votre caisse d&apos;Assurance Maladie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Je m&apos;oppose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoi de votre opposition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos trois preuves d&apos;identité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opposition enregistrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si vous ne souhaitez pas de Mon espace santé, saisissez le code reçu par courrier, votre numéro de sécurité sociale et le numéro de série de votre carte Vitale. Rien n&apos;est envoyé avant que vous ayez confirmé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code d&apos;activation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Numéro de sécurité sociale :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de &amp;série de la carte Vitale :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre opposition est enregistrée : votre espace ne sera pas créé. Vous pouvez changer d&apos;avis plus tard en activant votre espace avec votre code, tant qu&apos;il est valable, ou auprès de votre caisse d&apos;Assurance Maladie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour à l&apos;&amp;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Je m&apos;&amp;oppose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code d&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 lettres et chiffres, reçus par courrier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de sécurité sociale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 chiffres, clé comprise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numéro de série de la carte Vitale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De 8 à 12 chiffres, imprimés en bas à droite du devant de la carte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une question vous demandera de confirmer avant l&apos;envoi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir à l&apos;accueil sans rien envoyer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganisationHelpersDialog</name>
    <message>
        <source>Les aidants de ma structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les aidants de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inscrivez les personnes de votre structure qui accompagnent le public. Chacune reçoit par e-mail un code pour choisir son mot de passe, puis se connecte avec son propre compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aidants de la structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom, adresse e-mail et état de chacun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retirer l&apos;accès…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer l&apos;accès</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;aidant choisi ne pourra plus accompagner personne ; ses sessions prennent fin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inscrire un aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail du nouvel aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son adresse professionnelle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom du nouvel aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prénom du nouvel aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsable : peut aussi inscrire et retirer des aidants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inscrire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inscrire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inscrire cet aidant : un code lui est envoyé par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État de l&apos;opération</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir au premier écran de la session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié. Réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accès retiré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En attente de sa première connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsable · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 est inscrit(e) : un code d&apos;enrôlement vient de lui être envoyé par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 est déjà inscrit(e) dans votre structure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer l&apos;accès de %1 ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ne pourra plus accompagner personne et ses sessions en cours prennent fin tout de suite. Seul l&apos;administrateur du service peut rétablir ce compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;accès de %1 est retiré.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>Impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un fichier ne peut être enregistré que sur la clé USB de la personne, pas sur cet ordinateur. Branchez sa clé USB, ou choisissez une imprimante. Rien n&apos;a été imprimé.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordStrengthMeter</name>
    <message>
        <source>Au moins 12 caractères, et difficile à deviner : ni mots courants enchaînés, ni vos nom, identifiant ou date de naissance. Le plus simple : une phrase de 7 mots sans lien entre eux. La jauge dit si le mot de passe est accepté et, sinon, pourquoi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez un mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Très faible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moyen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — pas encore accepté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — accepté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solidité du mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prénoms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de naissance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointsChartView</name>
    <message>
        <source>Flèches gauche et droite : parcourir les points.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrepareDayDialog</name>
    <message>
        <source>Préparer la journée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir les dossiers gardés sur ce poste pour la journée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cochez les patients du jour : seuls leurs dossiers seront gardés, chiffrés, sur ce poste pour travailler hors ligne. Les autres en seront retirés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients du jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Espace coche ou décoche le patient sélectionné.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chargement de vos patients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout cocher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir tous les patients de la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout décocher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne choisir aucun patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun document (fiches et titres seulement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents des 12 derniers mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tous les documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents gardés sur ce poste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le contenu des documents à garder hors ligne ; les titres sont toujours là.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder sur ce poste les dossiers cochés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — né(e) le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — disponible hors ligne jusqu&apos;au %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun patient ne vous a autorisé pour le moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 patient(s) choisi(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreventionPage</name>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écartée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plus tard (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En retard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À faire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selon votre réponse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À venir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fait le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depuis le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jusqu&apos;au %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>à partir du %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » ne vous sera plus proposé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » vous sera proposé à nouveau le %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » vous est proposé à nouveau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez une ligne pour voir la règle appliquée et sa source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prochaine fois : %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prévention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations, dépistages organisés et bilans de prévention recommandés pour votre âge, d&apos;après vos vaccinations et examens enregistrés. Parlez-en à votre médecin ou à votre pharmacien.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions (facultatives) : elles précisent les recommandations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Je ne réponds pas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oui, non, ou ne pas répondre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommandations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État, ce qu&apos;il faut faire et quand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prendre &amp;rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prendre rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter à l&apos;agenda un rendez-vous pour la recommandation choisie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plus &amp;tard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plus tard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus proposer la recommandation choisie pendant un mois ; Ctrl+Z annule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne &amp;plus me le proposer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus me le proposer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écarter la recommandation choisie ; Ctrl+Z annule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposer à &amp;nouveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposer à nouveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remettre la recommandation écartée parmi les suggestions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Montrer les suggestions é&amp;cartées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Montrer les suggestions écartées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher aussi les recommandations que vous avez écartées ou remises à plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintableDialog</name>
    <message>
        <source>Préparation du document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copie hors ligne du %1 (le service n&apos;a pas pu être joint).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historique du service, à jour le %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, jusqu&apos;au %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun proche aidant n&apos;est invité sur votre dossier. Invitez-en un dans « Accès et confidentialité », puis revenez ici pour imprimer son justificatif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le document est prêt : prévisualisez-le, imprimez-le ou enregistrez-le.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aperçu avant impression — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer en PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF enregistré : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » est enregistré dans vos documents (Ma santé en résumé). Les professionnels que vous avez autorisés peuvent le consulter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout ce que vous avez renseigné, rubrique par rubrique, pour le montrer à un professionnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une carte à découper et à garder avec vos papiers : votre nom, votre date de naissance, vos allergies, traitements, groupe sanguin et contacts d&apos;urgence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le relevé de vos vaccinations : date, vaccin, injection, numéro de lot et vaccinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui a ouvert votre dossier ou modifié ses accès, et quand, tel que le service l&apos;a enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La preuve qu&apos;un proche aidant peut vous aider à gérer votre dossier, avec ses dates et ses limites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proche aidant :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proche aidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le proche aidant dont imprimer le justificatif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aperçu avant impression…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voir les pages avant de les imprimer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Imprimer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir une imprimante et imprimer le document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer en &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écrire le document dans un fichier PDF, à l&apos;endroit que vous choisissez (non chiffré).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer dans mes &amp;documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder le document dans votre carnet, chiffré, où vos professionnels peuvent le voir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer cette fenêtre.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfessionalSearch</name>
    <message>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ville</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toutes les professions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recherche…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint : la recherche demande une connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La recherche n&apos;a pas abouti. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un professionnel dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chercher un professionnel de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 : cherchez-le par son nom, sa profession ou sa ville. Seuls les professionnels inscrits à Carnet apparaissent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir le médecin traitant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir un professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nom :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom ou prénom, au moins deux lettres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profession :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ville :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ville d&apos;exercice, au moins deux lettres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rechercher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrée dans un champ lance aussi la recherche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n professionnel(s) trouvé(s)</source>
        <translation>
            <numerusform>%n professionnel trouvé</numerusform>
            <numerusform>%n professionnels trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source> — d&apos;autres résultats suivent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun professionnel inscrit ne correspond.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résultats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrée ou double-clic : choisir ce professionnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résultats &amp;suivants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résultats suivants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choisir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une confirmation nommant la personne suivra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Professions</name>
    <message>
        <source>médecin généraliste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>médecin spécialiste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chirurgien-dentiste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sage-femme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pharmacien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>infirmier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>masseur-kinésithérapeute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pédicure-podologue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orthophoniste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orthoptiste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>psychologue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>biologiste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manipulateur en radiologie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>médecin du travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>médecin régulateur du SAMU</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Modifier l&apos;élément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;élément « %1 » sera supprimé de votre profil médical.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer cet élément ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« %1 » supprimé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil médical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter dans « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Non concerné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubriques du profil médical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez une rubrique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Éléments de la rubrique %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrée pour modifier l&apos;élément choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier l&apos;élément choisi dans le formulaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer l&apos;élément choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non concerné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indiquer que vous n&apos;êtes pas concerné par « %1 ».</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsRequestsPage</name>
    <message>
        <source>Destinataire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyée le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Au plus tard le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(estimation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Délai de réflexion (48 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En attente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Délai dépassé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier reçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de réception inconnue : le délai est compté depuis l&apos;envoi ; indiquez la date de l&apos;accusé de réception pour le préciser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le délai légal est dépassé : relancez le destinataire ; sans réponse, vous pouvez saisir la Commission d&apos;accès aux documents administratifs (CADA) pour un établissement public, ou le conseil de l&apos;ordre pour un professionnel libéral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lettre enregistrée dans %1 (fichier non chiffré) : imprimez-la ou joignez-la à un courriel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.xml *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier classé dans Documents ; la demande est close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mes demandes de dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demandez vos informations de santé à un professionnel ou à un établissement (loi du 4 mars 2002) : Carnet écrit la lettre et suit les délais légaux.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nouvelle demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vider le formulaire pour une nouvelle demande.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écrire la &amp;lettre (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La lettre de demande, à imprimer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Classer le dossier reçu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter le fichier reçu à Documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier &amp;reçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les documents sont arrivés : clore la demande.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demandes de dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinataire, envoi, délai légal et état.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyBox</name>
    <message>
        <source>Vérification du mot de passe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle clé créée : l&apos;ancienne ne fonctionne plus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe incorrect : la clé de secours n&apos;a pas changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La clé de secours n&apos;a pas pu être changée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous avez perdu la feuille où est imprimée votre clé de secours ? Créez-en une nouvelle : l&apos;ancienne ne fonctionnera plus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mo&amp;t de passe du carnet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer &amp;une nouvelle clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requis avant de changer la clé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer une nouvelle clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remplace la clé de secours ; elle s&apos;affiche une fois pour être imprimée.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Votre clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si vous oubliez votre mot de passe, cette clé est le seul moyen d&apos;ouvrir votre carnet. Imprimez-la ou recopiez-la et rangez-la en lieu sûr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elle ne sera plus affichée ensuite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Imprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;pier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copier la clé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copier la clé ; elle sera effacée du presse-papiers au bout de 30 secondes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&apos;ai &amp;noté ma clé, continuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer la clé de secours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir mon carnet ; la clé ne sera plus affichée.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusedInbox</name>
    <message>
        <source>Pourquoi : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifications refusées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez une modification refusée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Renvoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renvoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer ces valeurs et les envoyer au service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valeur refusée par le service : « %1 ». Corrigez-la.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette modification a déjà été réglée ailleurs : rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service a refusé ces modifications faites sur cet ordinateur ; votre carnet montre la version du service. Pour chacune : pourquoi, et ce que vous pouvez faire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune modification refusée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modifier et renvoyer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;bandonner cette modification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne pas renvoyer pour l&apos;instant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier et renvoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corriger la modification refusée, puis l&apos;envoyer à nouveau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandonner cette modification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus l&apos;envoyer ; le carnet garde la version du service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer le formulaire.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RememberBox</name>
    <message>
        <source>Ce carnet est en mode « ordinateur partagé » : votre mot de passe sera toujours demandé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification du mot de passe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cet ordinateur se souviendra de vous : le carnet s&apos;ouvrira sans mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cet ordinateur ne se souvient plus de vous : le mot de passe sera demandé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe incorrect : rien n&apos;a été changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le réglage n&apos;a pas pu être changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se souvenir de moi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seulement sur un ordinateur personnel dont la session est protégée par un mot de passe : la clé de votre carnet est alors gardée dans le trousseau du système.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Se souvenir de moi sur cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mot de passe du carnet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appl&amp;iquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se souvenir de moi sur cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le carnet sans mot de passe grâce au trousseau du système.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requis pour changer ce réglage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appliquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérifier le mot de passe puis appliquer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Rappel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voir le rappel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir l&apos;agenda ou la demande concernée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer le rappel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer ce rappel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rappels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Saisissez le mot de passe que le carnet avait lors de la sauvegarde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer le carnet ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remplacer par la sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne rien changer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 à %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet « %1 » de cet ordinateur sera remplacé par la sauvegarde du %2. Ce qui y a été saisi depuis et n&apos;a pas été synchronisé avec le service sera perdu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet « %1 » sauvegardé le %2 sera ajouté à cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegarde du carnet « %1 », faite le %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mot de passe de la sauvegarde :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe de la sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe que le carnet avait quand la sauvegarde a été faite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce qui va changer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restaurer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérifier le mot de passe, puis confirmer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetitleDialog</name>
    <message>
        <source>Modifier mon document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le titre et la date ; la modification est envoyée au patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obligatoire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JJ/MM/AAAA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facultative, JJ/MM/AAAA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer sur ce poste ; envoi dès que possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceUnavailablePage</name>
    <message>
        <source>Activer Mon espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me connecter à mon compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&apos;opposer à la création de mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Séance accompagnée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poste de soins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un proche est décédé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant oublié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe oublié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service en ligne n&apos;est pas joignable pour le moment : cette démarche a besoin d&apos;une connexion au service Carnet. Rien n&apos;a été envoyé ni enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous pouvez réessayer plus tard, ou créer dès maintenant un carnet sur cet ordinateur : il fonctionne sans connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour à l&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour à l&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir aux choix de l&apos;écran d&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Vous avez ouvert votre carnet avec la clé de secours : choisissez un nouveau mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification du mot de passe actuel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre mot de passe a été changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe actuel est incorrect : rien n&apos;a été changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe n&apos;a pas pu être changé ; l&apos;ancien reste valable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affichage et langue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sécurité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe &amp;actuel :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nouveau mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hanger le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firmer :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taille du te&amp;xte :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontraste élevé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;gue :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verrouiller après (minutes d&apos;inactivité) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe actuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez d&apos;abord le mot de passe actuel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmer le nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changer le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remplacer le mot de passe ; vos données ne sont pas rechiffrées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taille du texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De 100 à 200 pour cent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contraste élevé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte blanc sur fond noir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langue de l&apos;interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Délai de verrouillage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet se verrouille après ce nombre de minutes sans activité.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharedConversations</name>
    <message>
        <source>Sujet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les messages n&apos;ont pas pu être chargés. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint : les messages se lisent seulement en ligne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous n&apos;êtes pas connecté(e) au service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chargement de la conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son représentant légal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ses messages ne vous sont pas montrés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La personne que vous aidez ne vous a pas autorisé(e) à lire ses conversations avec les professionnels. Elle peut le faire dans Accès et confidentialité › Proches › « Lui montrer mes messages ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun professionnel ne lui a écrit pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sujet, professionnel, dernier message, état.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fil de la conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En lecture seule.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharedDossierDialog</name>
    <message>
        <source>Catégorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(sans intitulé)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouté le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouté par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La personne ou son entourage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;Assurance Maladie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas pu être joint : ce dossier s&apos;ouvre seulement en ligne (rien n&apos;en est gardé sur cet ordinateur). Vérifiez la connexion, puis « Actualiser ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous n&apos;êtes pas connecté(e) au service : connectez-vous (Paramètres › Mon espace), puis « Actualiser ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le dossier n&apos;a pas pu être ouvert. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture seule. Vous le consultez comme ayant droit : vous ne voyez que ce que votre demande permet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture seule. Vous le consultez comme proche aidant, jusqu&apos;au %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture seule. Vous le consultez comme proche aidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier d&apos;%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Né(e) le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chaque ouverture est inscrite dans l&apos;historique des accès de ce dossier. Rien n&apos;en est gardé sur cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouverture du dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvert le %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informations de santé (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenu du dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informations de santé et documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informations de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type, intitulé, date, auteur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catégorie, intitulé, date, auteur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune information de santé à afficher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le dossier n&apos;en contient pas, ou aucune ne vous est accessible. Ce que la personne ajoutera apparaîtra ici : « Actualiser » pour revoir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le dossier n&apos;en contient pas, ou votre demande ne permet pas de les voir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun document à afficher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le dossier n&apos;en contient pas, ou aucun ne vous est accessible. Les documents ajoutés plus tard apparaîtront ici : « Actualiser » pour revoir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvre à nouveau le dossier sur le service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpaceBox</name>
    <message>
        <source>Ce carnet n&apos;est pas relié à un compte en ligne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrogation du service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre espace est ouvert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre espace est clôturé : les professionnels de santé n&apos;y ont plus accès. Vous pouvez le rouvrir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La suppression de votre espace est demandée (faite d&apos;ici 3 mois au plus). « Rouvrir mon espace » l&apos;annule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État de votre espace : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service n&apos;a pas répondu. Réessayez plus tard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rouvrir mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre demande de suppression sera annulée et votre espace rouvert : les professionnels que vous avez autorisés y auront de nouveau accès. Rouvrir votre espace ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre espace sera rouvert : les professionnels que vous avez autorisés y auront de nouveau accès et votre carnet se synchronisera de nouveau. Rouvrir votre espace ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se déconnecter du service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet reste sur cet ordinateur, protégé par son mot de passe, mais ne sera plus synchronisé avec le service. Pour le relier de nouveau : « J&apos;ai déjà un compte » sur l&apos;écran d&apos;accueil. Se déconnecter ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se déconnecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous êtes déconnecté du service : votre carnet reste sur cet ordinateur, sans synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon espace sur le service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre compte en ligne et votre espace santé : mot de passe du compte, clôture, réouverture, demande de suppression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet reste sur cet ordinateur, sans synchronisation jusqu&apos;à votre prochaine connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher l&apos;état de mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changer &amp;le mot de passe du compte…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clôturer mon espace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rouvrir mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demander la suppression…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;e déconnecter du service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander l&apos;état au service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changer le mot de passe du compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe qui sert à vous connecter au service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clôturer mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les conséquences sont expliquées avant toute confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler une clôture ou une suppression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander la suppression</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpaceEndSteps</name>
    <message>
        <source>Saisissez le mot de passe de votre compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clôturer mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander la suppression de mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les professionnels de santé n&apos;auront plus accès à votre espace, dès maintenant. Vous pourrez le rouvrir pendant 10 ans. Clôturer votre espace ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre espace et tout ce qu&apos;il contient seront supprimés du service, définitivement, d&apos;ici 3 mois au plus. Demander la suppression ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clôturer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demander la suppression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoi au service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe incorrect : rien n&apos;a été changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce qui va se passer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&apos;est fait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• Les professionnels de santé n&apos;ont plus accès à votre espace, dès maintenant.
• Rien n&apos;y est plus ajouté ; votre carnet sur cet ordinateur ne se synchronise plus.
• Votre espace est archivé pendant 10 ans, puis supprimé.
• Vous pouvez le rouvrir à tout moment pendant ces 10 ans (Paramètres › Mon espace).
Pour confirmer, saisissez le mot de passe de votre compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre espace est clôturé. Le carnet sur cet ordinateur reste lisible avec votre mot de passe. Pour le rouvrir : Paramètres › Mon espace › Rouvrir mon espace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• Votre espace et tout ce qu&apos;il contient seront supprimés du service, définitivement, d&apos;ici 3 mois au plus.
• Les professionnels de santé n&apos;y ont plus accès dès maintenant.
• Jusqu&apos;à la suppression, vous pouvez changer d&apos;avis : « Rouvrir mon espace » l&apos;annule.
• Le carnet sur cet ordinateur n&apos;est pas effacé : il reste à vous.
Pour confirmer, saisissez le mot de passe de votre compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre demande de suppression est enregistrée : elle sera faite d&apos;ici 3 mois au plus. Pour l&apos;annuler d&apos;ici là : Paramètres › Mon espace › Rouvrir mon espace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe du &amp;compte :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clôturer mon espace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demander la suppression…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe du compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour confirmer que c&apos;est bien vous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une question vous demandera de confirmer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer sans rien changer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Choisir un fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer sous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncInboxDialog</name>
    <message>
        <source>À régler après la synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifications refusées (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflits (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <source>État de la synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockCodeBox</name>
    <message>
        <source>Saisissez les 6 chiffres du code de déblocage reçu par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recevoir un code de déblocage par e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un code envoyé à l&apos;adresse de votre compte vous permet de vous connecter malgré le blocage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si ce compte existe, un code de déblocage vient d&apos;être envoyé à son adresse e-mail. Saisissez-le, puis connectez-vous avec votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code de &amp;déblocage :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code de déblocage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les 6 chiffres reçus par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Aucun carnet n&apos;existe encore sur cet ordinateur. Revenez à l&apos;accueil pour en créer un.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouverture du carnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet n&apos;a pas pu être ouvert. Réessayez ; si cela persiste, redémarrez Carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir mon carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet est chiffré sur cet ordinateur. Saisissez votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Carnet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clé de &amp;secours :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&apos;ai &amp;oublié mon mot de passe : utiliser ma clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utiliser la clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le carnet avec la clé de secours imprimée à sa création, puis choisir un nouveau mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Déverrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carnet à ouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez le carnet de la personne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La clé imprimée à la création du carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe de ce carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déverrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le carnet avec ce mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir à l&apos;écran d&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpcomingCard</name>
    <message>
        <source>En retard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À faire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À &amp;venir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À venir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendez-vous et actes de prévention ; Entrée ouvre celui choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir dans l&apos;agenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir dans Prévention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rien de prévu : ni rendez-vous dans les trois mois, ni acte de prévention à faire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… et %n autre(s)</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaccinationForm</name>
    <message>
        <source>JJ/MM/AAAA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JJ/MM/AAAA HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obligatoire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facultatif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter la vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer sur ce poste ; envoi dès que possible.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaccinationsPage</name>
    <message>
        <source>lot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;Assurance Maladie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose et lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajoutée par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter une vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier la vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La vaccination « %1 » du %2 sera supprimée de votre carnet, sur tous vos appareils après la synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccination « %1 » supprimée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Des vaccinations sont enregistrées dans votre carnet : supprimez-les d&apos;abord si vous n&apos;êtes vraiment pas concerné.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette vaccination a été ajoutée par %1 : vous ne pouvez ni la modifier ni la supprimer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer « n&amp;on concerné »</source>
        <translation>Retirer « n&amp;on concerné »</translation>
    </message>
    <message>
        <source>N&amp;on concerné</source>
        <translation>N&amp;on concerné</translation>
    </message>
    <message>
        <source>Retirer « non concerné »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus déclarer la rubrique Vaccinations vide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non concerné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indiquer que vous n&apos;êtes pas concerné par les vaccinations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous avez indiqué ne pas être concerné par les vaccinations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos vaccinations et celles que des professionnels ont ajoutées. Entrée pour modifier la vôtre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nouvelle vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccin, date, dose et lot, qui l&apos;a ajoutée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vider le formulaire pour en ajouter une.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier la vaccination choisie (les vôtres).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer la vaccination choisie ; demande confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Bienvenue dans Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet de santé personnel, chiffré sur cet ordinateur. Choisissez ce que vous souhaitez faire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chez moi</source>
        <translation>Chez moi</translation>
    </message>
    <message>
        <source>Première fois ici ?</source>
        <translation>Première fois ici ?</translation>
    </message>
    <message>
        <source>Autres situations</source>
        <translation>Autres situations</translation>
    </message>
    <message>
        <source>J&apos;ai reçu mon &amp;code d&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activer Mon espace santé avec le code reçu par courrier ou par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&apos;ai &amp;déjà un compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me connecter au service et installer mon carnet sur cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ouvrir mon carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le carnet déjà présent sur cet ordinateur, même sans connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Je ne veux &amp;pas de Mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&apos;opposer à la création de mon espace santé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;réer un carnet sur cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commencer un carnet personnel, sans compte en ligne pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Séance accompa&amp;gnée (aidant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour un aidant (France Services, pharmacien, proche) qui accompagne une personne : rien de la personne ne reste sur cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poste de &amp;soins (professionnel de santé)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour un professionnel de santé sur un ordinateur partagé : ses patients, hors ligne si besoin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Un proche est décédé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Héritier, partenaire de PACS ou concubin : demander l&apos;accès à son dossier (ouvrez d&apos;abord votre propre carnet, relié à votre compte).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant oublié ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recevoir votre identifiant à l&apos;adresse e-mail de votre compte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe oublié ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir un nouveau mot de passe pour votre compte avec un code reçu par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Erreur</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Onglets précédents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faire défiler les onglets vers la gauche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onglets suivants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faire défiler les onglets vers la droite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenu à faire défiler</source>
        <translation>Contenu à faire défiler</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Ajouter un document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.owner</name>
    <message>
        <source>Saisissez un mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
