#!/bin/sh
# web/install/install.sh install|uninstall: what `make install` and `make
# uninstall` do, with DESTDIR, BINDIR, UNITDIR, SYSUSERSDIR and SYSCONFDIR
# from the Makefile. Installs the binary, the systemd unit, the account the
# web server runs as (systemd-sysusers) and, when there is none yet, the
# settings file. Uninstalling removes the binary and the unit and leaves
# the data (/var/lib/verdict), the settings and the account.
set -eu
: "${DESTDIR=}" "${BINDIR:?}" "${UNITDIR:?}" "${SYSUSERSDIR:?}" "${SYSCONFDIR:?}"
here=$(cd "$(dirname "$0")" && pwd)
live() { [ -z "$DESTDIR" ] && [ "$(id -u)" = 0 ]; } # installing onto this very system, as root
systemd_up() { [ -d /run/systemd/system ]; }

case "${1:-}" in
install)
	install -d "$DESTDIR$BINDIR" "$DESTDIR$UNITDIR" "$DESTDIR$SYSUSERSDIR" "$DESTDIR$SYSCONFDIR/verdict"
	install -m 0755 build/verdict "$DESTDIR$BINDIR/verdict"
	sed "s|@BINDIR@|$BINDIR|g; s|@SYSCONFDIR@|$SYSCONFDIR|g" "$here/verdict.service.in" >"$DESTDIR$UNITDIR/verdict.service"
	chmod 0644 "$DESTDIR$UNITDIR/verdict.service"
	install -m 0644 "$here/sysusers.conf" "$DESTDIR$SYSUSERSDIR/verdict.conf"
	conf="$DESTDIR$SYSCONFDIR/verdict/verdict.conf"
	if [ -e "$conf" ]; then
		echo "kept $conf (yours); the one this version installs is $here/verdict.conf"
	else
		install -m 0644 "$here/verdict.conf" "$conf"
	fi
	if live; then
		if ! getent passwd verdict >/dev/null; then
			systemd-sysusers "$SYSUSERSDIR/verdict.conf" 2>/dev/null ||
				useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin verdict
		fi
		! systemd_up || systemctl daemon-reload
		echo "installed: $BINDIR/verdict, $UNITDIR/verdict.service, $SYSCONFDIR/verdict/verdict.conf"
		echo "next: systemctl enable --now verdict; then make the first admin:"
		echo "  $BINDIR/verdict user add admin --role admin --state /var/lib/verdict"
	fi
	;;
uninstall)
	if live && systemd_up; then
		systemctl disable --now verdict 2>/dev/null || true
	fi
	rm -f "$DESTDIR$BINDIR/verdict" "$DESTDIR$UNITDIR/verdict.service" "$DESTDIR$SYSUSERSDIR/verdict.conf"
	if live && systemd_up; then systemctl daemon-reload; fi
	echo "removed the binary and the unit; left the data (/var/lib/verdict), $SYSCONFDIR/verdict/ and the verdict account"
	;;
*)
	echo "usage: $0 install|uninstall" >&2
	exit 2
	;;
esac
