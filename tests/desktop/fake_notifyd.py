# A notification daemon that writes each Notify call as one line to stdout.
# Runs under /usr/bin/python3.
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
bus = dbus.SessionBus()
IFACE = 'org.freedesktop.Notifications'


class Daemon(dbus.service.Object):
    def __init__(self):
        self.name = dbus.service.BusName(IFACE, bus)
        super().__init__(bus, '/org/freedesktop/Notifications')
        self.count = 0

    @dbus.service.method(IFACE, in_signature='susssasa{sv}i', out_signature='u')
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        self.count += 1
        print(f'NOTIFY app={app} summary={summary} body={body}', flush=True)
        return self.count

    @dbus.service.method(IFACE, out_signature='as')
    def GetCapabilities(self):
        return ['body', 'actions']

    @dbus.service.method(IFACE, out_signature='ssss')
    def GetServerInformation(self):
        return ('qanban-tests', 'qanban', '1', '1.2')

    @dbus.service.method(IFACE, in_signature='u')
    def CloseNotification(self, notification):
        pass


Daemon()
GLib.timeout_add_seconds(int(sys.argv[1]) if len(sys.argv) > 1 else 60, lambda: sys.exit(0))
GLib.MainLoop().run()
