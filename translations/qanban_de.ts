<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArchiveCommand</name>
    <message numerus="yes">
        <source>Archive %n card(s)</source>
        <translation>
            <numerusform>%n Karte archivieren</numerusform>
            <numerusform>%n Karten archivieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unarchive %n card(s)</source>
        <translation>
            <numerusform>%n Karte aus dem Archiv holen</numerusform>
            <numerusform>%n Karten aus dem Archiv holen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message numerus="yes">
        <source>%1 column, %n card(s)</source>
        <translation>
            <numerusform>Spalte %1, %n Karte</numerusform>
            <numerusform>Spalte %1, %n Karten</numerusform>
        </translation>
    </message>
    <message>
        <source>Task %1, %2, assigned to %3</source>
        <translation>Aufgabe %1, %2, zugewiesen an %3</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemanden</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Todo</source>
        <translation>Zu erledigen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Not on this board: %1</source>
        <translation>Nicht auf diesem Board: %1</translation>
    </message>
    <message>
        <source>Only the dispatcher starts work: a card cannot be moved into Running.</source>
        <translation>Nur der Dispatcher startet Arbeit: Karten lassen sich nicht nach „Läuft“ verschieben.</translation>
    </message>
    <message>
        <source>A card moved to Blocked needs a reason.</source>
        <translation>Eine Karte, die nach „Blockiert“ geht, braucht einen Grund.</translation>
    </message>
    <message>
        <source>Moving to Done was cancelled.</source>
        <translation>Das Verschieben nach „Erledigt“ wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The running cards stay where they are.</source>
        <translation>Die laufenden Karten bleiben, wo sie sind.</translation>
    </message>
    <message>
        <source>dispatching is paused</source>
        <translation>der Dispatcher pausiert</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>+ Rough idea…</source>
        <translation>+ Grobe Idee…</translation>
    </message>
    <message>
        <source>+ New task…</source>
        <translation>+ Neue Aufgabe…</translation>
    </message>
    <message>
        <source>Quick create in %1</source>
        <translation>Schnell anlegen in %1</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>waits on %1/%2</source>
        <translation>wartet auf %1/%2</translation>
    </message>
    <message>
        <source>deps %1</source>
        <translation>Abh. %1</translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation>%1/%2 erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n Kommentar</numerusform>
            <numerusform>%n Kommentare</numerusform>
        </translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1s</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1m</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1h</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1T</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>running %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message>
        <source>heartbeat %1 ago</source>
        <translation>Heartbeat vor %1</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>not running: needs an assignee</source>
        <translation>läuft nicht: niemand zugewiesen</translation>
    </message>
    <message>
        <source>not running: retry in %1</source>
        <translation>läuft nicht: neuer Versuch in %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n Fehlschlag</numerusform>
            <numerusform>%n Fehlschläge</numerusform>
        </translation>
    </message>
    <message>
        <source>not running: %1</source>
        <translation>läuft nicht: %1</translation>
    </message>
</context>
<context>
    <name>DispatcherBar</name>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Stop starting new workers; running ones go on</source>
        <translation>Keine neuen Worker starten; laufende arbeiten weiter</translation>
    </message>
    <message>
        <source>Dispatch now</source>
        <translation>Jetzt verteilen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Dispatcher starting…</source>
        <translation>Dispatcher startet…</translation>
    </message>
    <message>
        <source>%1/%2 workers</source>
        <translation>%1/%2 Worker</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n Worker</numerusform>
            <numerusform>%n Worker</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused · %1</source>
        <translation>Pausiert · %1</translation>
    </message>
    <message>
        <source>Dispatching · %1</source>
        <translation>Aktiv · %1</translation>
    </message>
    <message>
        <source>Dispatcher stopped: %1</source>
        <translation>Dispatcher angehalten: %1</translation>
    </message>
</context>
<context>
    <name>DispatcherHost</name>
    <message>
        <source>no profile named %1</source>
        <translation>kein Profil namens %1</translation>
    </message>
    <message>
        <source>%1 is at its cap (%2 running)</source>
        <translation>%1 ist am Limit (%2 laufend)</translation>
    </message>
    <message>
        <source>the board is at its cap</source>
        <translation>das Board ist am Limit</translation>
    </message>
</context>
<context>
    <name>EditTaskCommand</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Qanban</source>
        <translation>Qanban</translation>
    </message>
    <message>
        <source>Cannot open the board: %1</source>
        <translation>Das Board lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Search title, body or id (Ctrl+F)</source>
        <translation>Titel, Text oder ID suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Lanes by assignee</source>
        <translation>Nach Zuständigen</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Archiv zeigen</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Zuweisen…</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Blockieren…</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Verschieben nach</translation>
    </message>
    <message>
        <source>Select all in %1</source>
        <translation>Alle in %1 auswählen</translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n bereit</numerusform>
            <numerusform>%n bereit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked</source>
        <translation>
            <numerusform>%n blockiert</numerusform>
            <numerusform>%n blockiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s): %1</source>
        <translation>
            <numerusform>%n Aufgabe: %1</numerusform>
            <numerusform>%n Aufgaben: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Profiles…</source>
        <translation>Profile…</translation>
    </message>
</context>
<context>
    <name>MoveCardsCommand</name>
    <message numerus="yes">
        <source>Reorder %n card(s)</source>
        <translation>
            <numerusform>%n Karte umsortieren</numerusform>
            <numerusform>%n Karten umsortieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s) to %1</source>
        <translation>
            <numerusform>%n Karte nach %1 verschieben</numerusform>
            <numerusform>%n Karten nach %1 verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewTaskDialog</name>
    <message>
        <source>Start in triage (not dispatched until moved out)</source>
        <translation>In Triage anlegen (wird erst nach dem Verschieben verteilt)</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>task ids, separated by spaces</source>
        <translation>Aufgaben-IDs, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Set secret</source>
        <translation>Geheimnis setzen</translation>
    </message>
    <message>
        <source>Value of %1 for %2 (stored in the keychain):</source>
        <translation>Wert von %1 für %2 (wird im Schlüsselbund gespeichert):</translation>
    </message>
    <message>
        <source>One argument per line; {task}, {run}, {profile} and {workspace} are replaced</source>
        <translation>Ein Argument pro Zeile; {task}, {run}, {profile} und {workspace} werden ersetzt</translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation>NAME=Wert, einer pro Zeile</translation>
    </message>
    <message>
        <source>Names of secret variables, one per line</source>
        <translation>Namen geheimer Variablen, einer pro Zeile</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>Workers at once</source>
        <translation>Worker gleichzeitig</translation>
    </message>
    <message>
        <source>Max runtime</source>
        <translation>Max. Laufzeit</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Set secret value…</source>
        <translation>Geheimen Wert setzen…</translation>
    </message>
    <message>
        <source>A new profile: give it a name and a program, then save.</source>
        <translation>Neues Profil: Namen und Programm eintragen, dann speichern.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>List the secret&apos;s name under Secrets and save the profile first.</source>
        <translation>Zuerst den Namen des Geheimnisses unter „Geheimnisse“ eintragen und das Profil speichern.</translation>
    </message>
    <message>
        <source>Which secret?</source>
        <translation>Welches Geheimnis?</translation>
    </message>
    <message>
        <source>Storing %1 in the keychain…</source>
        <translation>%1 wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>%1 is stored in the keychain.</source>
        <translation>%1 ist im Schlüsselbund gespeichert.</translation>
    </message>
</context>
<context>
    <name>RunLogView</name>
    <message>
        <source>Run log</source>
        <translation>Laufprotokoll</translation>
    </message>
    <message>
        <source>This run has no log.</source>
        <translation>Dieser Lauf hat kein Protokoll.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Closing the window keeps Qanban in the tray</source>
        <translation>Beim Schließen des Fensters bleibt Qanban im Systembereich</translation>
    </message>
    <message>
        <source>Notify every crash and timeout, not only blocks</source>
        <translation>Bei jedem Absturz und jeder Zeitüberschreitung benachrichtigen, nicht nur bei Blockaden</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Tray and notifications</source>
        <translation>Systembereich und Benachrichtigungen</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>default (2)</source>
        <translation>Standard (2)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Dispatcher (applies when Qanban starts again)</source>
        <translation>Dispatcher (gilt nach dem nächsten Start)</translation>
    </message>
    <message>
        <source>Workers at once</source>
        <translation>Worker gleichzeitig</translation>
    </message>
    <message>
        <source>Workers per profile</source>
        <translation>Worker je Profil</translation>
    </message>
    <message>
        <source>Default assignee</source>
        <translation>Standard-Zuständiger</translation>
    </message>
    <message>
        <source>Failed attempts before giving up</source>
        <translation>Fehlversuche bis zur Aufgabe</translation>
    </message>
    <message>
        <source>Wait before the first retry</source>
        <translation>Wartezeit vor dem ersten Neuversuch</translation>
    </message>
    <message>
        <source>Safety-net tick every</source>
        <translation>Sicherheitsdurchlauf alle</translation>
    </message>
</context>
<context>
    <name>TaskDrawer</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Task drawer</source>
        <translation>Aufgabendetails</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Describe the task in Markdown…</source>
        <translation>Aufgabe in Markdown beschreiben…</translation>
    </message>
    <message>
        <source>Add a comment (Ctrl+Enter)…</source>
        <translation>Kommentar schreiben (Strg+Eingabe)…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentieren</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Parent task id</source>
        <translation>ID der Vorgängeraufgabe</translation>
    </message>
    <message>
        <source>Add parent</source>
        <translation>Vorgänger hinzufügen</translation>
    </message>
    <message>
        <source>Remove parent</source>
        <translation>Vorgänger entfernen</translation>
    </message>
    <message>
        <source>Waits for (parents)</source>
        <translation>Wartet auf (Vorgänger)</translation>
    </message>
    <message>
        <source>Unblocks (children)</source>
        <translation>Gibt frei (Nachfolger)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>Abhängigkeiten</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Select a card to see its story.</source>
        <translation>Eine Karte auswählen, um ihren Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>*No description.*</source>
        <translation>*Keine Beschreibung.*</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation> (archiviert)</translation>
    </message>
    <message>
        <source>failures in a row: %1</source>
        <translation>Fehlschläge in Folge: %1</translation>
    </message>
    <message>
        <source>max retries: %1</source>
        <translation>max. Wiederholungen: %1</translation>
    </message>
    <message>
        <source>max runtime: %1</source>
        <translation>max. Laufzeit: %1</translation>
    </message>
    <message>
        <source>summary: %1</source>
        <translation>Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>angelegt am %1</translation>
    </message>
    <message>
        <source>*No comments yet.*</source>
        <translation>*Noch keine Kommentare.*</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Kommentare (%1)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Runs (%1)</source>
        <translation>Läufe (%1)</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Ereignisse (%1)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Move to column</source>
        <translation>In Spalte verschieben</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Verschieben nach…</translation>
    </message>
    <message>
        <source>none (names, separated by commas)</source>
        <translation>keine (Namen, durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>made by the board</source>
        <translation>vom Board angelegt</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Child task id</source>
        <translation>ID der Folgeaufgabe</translation>
    </message>
    <message>
        <source>Add child</source>
        <translation>Folgeaufgabe hinzufügen</translation>
    </message>
    <message>
        <source>Remove child</source>
        <translation>Folgeaufgabe entfernen</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Qanban</source>
        <translation>Qanban</translation>
    </message>
    <message>
        <source>Show board</source>
        <translation>Board anzeigen</translation>
    </message>
    <message>
        <source>Quit Qanban</source>
        <translation>Qanban beenden</translation>
    </message>
    <message>
        <source>Qanban — %1</source>
        <translation>Qanban — %1</translation>
    </message>
    <message>
        <source>Gave up: %1</source>
        <translation>Aufgegeben: %1</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Blockiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) need you</source>
        <translation>
            <numerusform>%n Aufgabe wartet auf Sie</numerusform>
            <numerusform>%n Aufgaben warten auf Sie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>While Qanban was closed, %n task(s) needed you</source>
        <translation>
            <numerusform>Während Qanban geschlossen war, hat %n Aufgabe auf Sie gewartet</numerusform>
            <numerusform>Während Qanban geschlossen war, haben %n Aufgaben auf Sie gewartet</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker failed (%1): %2</source>
        <translation>Worker fehlgeschlagen (%1): %2</translation>
    </message>
</context>
<context>
    <name>WidgetDialogProvider</name>
    <message>
        <source>Block tasks</source>
        <translation>Aufgaben blockieren</translation>
    </message>
    <message>
        <source>Complete tasks</source>
        <translation>Aufgaben abschließen</translation>
    </message>
    <message numerus="yes">
        <source>Why are these %n task(s) blocked?</source>
        <translation>
            <numerusform>Warum wird %n Aufgabe blockiert?</numerusform>
            <numerusform>Warum werden %n Aufgaben blockiert?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Summary of the work done on %n task(s):</source>
        <translation>
            <numerusform>Zusammenfassung der Arbeit an %n Aufgabe:</numerusform>
            <numerusform>Zusammenfassung der Arbeit an %n Aufgaben:</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop workers</source>
        <translation>Worker stoppen</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) are running. Moving them stops their workers. Continue?</source>
        <translation>
            <numerusform>%n Aufgabe läuft. Verschieben stoppt ihren Worker. Fortfahren?</numerusform>
            <numerusform>%n Aufgaben laufen. Verschieben stoppt ihre Worker. Fortfahren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Assign tasks</source>
        <translation>Aufgaben zuweisen</translation>
    </message>
    <message numerus="yes">
        <source>Profile for %n task(s) (empty to unassign):</source>
        <translation>
            <numerusform>Profil für %n Aufgabe (leer lassen, um die Zuweisung aufzuheben):</numerusform>
            <numerusform>Profil für %n Aufgaben (leer lassen, um die Zuweisung aufzuheben):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Qanban: the board for fleets of AI-agent workers.</source>
        <translation>Qanban: das Board für Flotten von KI-Agenten.</translation>
    </message>
    <message>
        <source>The board&apos;s home folder.</source>
        <translation>Der Basisordner des Boards.</translation>
    </message>
    <message>
        <source>The board database.</source>
        <translation>Die Datenbank des Boards.</translation>
    </message>
    <message>
        <source>Save a picture of the window once the board is loaded, then quit.</source>
        <translation>Ein Bild des Fensters speichern, sobald das Board geladen ist, und dann beenden.</translation>
    </message>
</context>
</TS>
