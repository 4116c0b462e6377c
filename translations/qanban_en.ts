<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArchiveCommand</name>
    <message numerus="yes">
        <source>Archive %n card(s)</source>
        <translation>
            <numerusform>Archive %n card</numerusform>
            <numerusform>Archive %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unarchive %n card(s)</source>
        <translation>
            <numerusform>Unarchive %n card</numerusform>
            <numerusform>Unarchive %n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message numerus="yes">
        <source>%1 column, %n card(s)</source>
        <translation>
            <numerusform>%1 column, %n card</numerusform>
            <numerusform>%1 column, %n cards</numerusform>
        </translation>
    </message>
    <message>
        <source>Task %1, %2, assigned to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Todo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on this board: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the dispatcher starts work: a card cannot be moved into Running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card moved to Blocked needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving to Done was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running cards stay where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispatching is paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Rough idea…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ New task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick create in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits on %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deps %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heartbeat %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running: needs an assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running: retry in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n failure</numerusform>
            <numerusform>%n failures</numerusform>
        </translation>
    </message>
    <message>
        <source>not running: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatcherBar</name>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop starting new workers; running ones go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatcher starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatching · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatcher stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatcherHost</name>
    <message>
        <source>no profile named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is at its cap (%2 running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the board is at its cap</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditTaskCommand</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qanban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the board: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title, body or id (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lanes by assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ready</source>
        <translation>
            <numerusform>%n ready</numerusform>
            <numerusform>%n ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked</source>
        <translation>
            <numerusform>%n blocked</numerusform>
            <numerusform>%n blocked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s): %1</source>
        <translation>
            <numerusform>%n task: %1</numerusform>
            <numerusform>%n tasks: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveCardsCommand</name>
    <message numerus="yes">
        <source>Reorder %n card(s)</source>
        <translation>
            <numerusform>Reorder %n card</numerusform>
            <numerusform>Reorder %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s) to %1</source>
        <translation>
            <numerusform>Move %n card to %1</numerusform>
            <numerusform>Move %n cards to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewTaskDialog</name>
    <message>
        <source>Start in triage (not dispatched until moved out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task ids, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of %1 for %2 (stored in the keychain):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One argument per line; {task}, {run}, {profile} and {workspace} are replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names of secret variables, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set secret value…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new profile: give it a name and a program, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the secret&apos;s name under Secrets and save the profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which secret?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing %1 in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunLogView</name>
    <message>
        <source>Run log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has no log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Closing the window keeps Qanban in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify every crash and timeout, not only blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray and notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatcher (applies when Qanban starts again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers per profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempts before giving up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait before the first retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety-net tick every</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDrawer</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the task in Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a comment (Ctrl+Enter)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits for (parents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblocks (children)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a card to see its story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*No description.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failures in a row: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max retries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max runtime: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>summary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*No comments yet.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (names, separated by commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove child</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Qanban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Qanban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qanban — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gave up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) need you</source>
        <translation>
            <numerusform>%n task needs you</numerusform>
            <numerusform>%n tasks need you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>While Qanban was closed, %n task(s) needed you</source>
        <translation>
            <numerusform>While Qanban was closed, %n task needed you</numerusform>
            <numerusform>While Qanban was closed, %n tasks needed you</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker failed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WidgetDialogProvider</name>
    <message>
        <source>Block tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Why are these %n task(s) blocked?</source>
        <translation>
            <numerusform>Why is %n task blocked?</numerusform>
            <numerusform>Why are these %n tasks blocked?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Summary of the work done on %n task(s):</source>
        <translation>
            <numerusform>Summary of the work done on %n task:</numerusform>
            <numerusform>Summary of the work done on %n tasks:</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) are running. Moving them stops their workers. Continue?</source>
        <translation>
            <numerusform>%n task is running. Moving it stops its worker. Continue?</numerusform>
            <numerusform>%n tasks are running. Moving them stops their workers. Continue?</numerusform>
        </translation>
    </message>
    <message>
        <source>Assign tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Profile for %n task(s) (empty to unassign):</source>
        <translation>
            <numerusform>Profile for %n task (empty to unassign):</numerusform>
            <numerusform>Profile for %n tasks (empty to unassign):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Qanban: the board for fleets of AI-agent workers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board&apos;s home folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The board database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window once the board is loaded, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
