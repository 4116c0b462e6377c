# A minimal org.kde.StatusNotifierWatcher, so Qt shows its tray icon over D-Bus and sends
# notifications through org.freedesktop.Notifications. Runs under /usr/bin/python3.
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
bus = dbus.SessionBus()
IFACE = 'org.kde.StatusNotifierWatcher'
INTROSPECTION = '''<node><interface name="org.kde.StatusNotifierWatcher">
 <method name="RegisterStatusNotifierItem"><arg type="s" direction="in"/></method>
 <method name="RegisterStatusNotifierHost"><arg type="s" direction="in"/></method>
 <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
 <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
 <property name="ProtocolVersion" type="i" access="read"/>
 <property name="RegisteredStatusNotifierItems" type="as" access="read"/></interface>
 <interface name="org.freedesktop.DBus.Properties">
 <method name="Get"><arg type="s" direction="in"/><arg type="s" direction="in"/>
  <arg type="v" direction="out"/></method>
 <method name="GetAll"><arg type="s" direction="in"/><arg type="a{sv}" direction="out"/></method>
 </interface></node>'''


class Watcher(dbus.service.Object):
    def __init__(self):
        self.items = []
        self.name = dbus.service.BusName(IFACE, bus)
        super().__init__(bus, '/StatusNotifierWatcher')

    @dbus.service.method(IFACE, in_signature='s')
    def RegisterStatusNotifierItem(self, service):
        self.items.append(service)
        self.StatusNotifierItemRegistered(service)

    @dbus.service.method(IFACE, in_signature='s')
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(IFACE, signature='s')
    def StatusNotifierItemRegistered(self, service):
        pass

    @dbus.service.method(dbus.INTROSPECTABLE_IFACE, out_signature='s')
    def Introspect(self):
        return INTROSPECTION

    def properties(self):
        return {'IsStatusNotifierHostRegistered': True,
                'ProtocolVersion': dbus.Int32(0),
                'RegisteredStatusNotifierItems': dbus.Array(self.items, signature='s')}

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature='ss', out_signature='v')
    def Get(self, interface, name):
        return self.properties()[name]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature='s', out_signature='a{sv}')
    def GetAll(self, interface):
        return self.properties()


Watcher()
GLib.timeout_add_seconds(int(sys.argv[1]) if len(sys.argv) > 1 else 60, lambda: sys.exit(0))
GLib.MainLoop().run()
