/* net_connect PORT [ABSTRACT]: tries to reach the network. Attempts a TCP
 * connect to 127.0.0.1:PORT and 1.1.1.1:53, UDP sendto both, a connect to
 * the abstract unix socket "\0ABSTRACT" when given, and bringing lo up; lists
 * the interfaces (from /proc/net/dev, which needs no netlink socket, else
 * getifaddrs) with their flags from SIOCGIFFLAGS. Prints one line per attempt ("NAME denied errno=E" or
 * "NAME ALLOWED") and per interface ("iface NAME up|down"). Exits 0 only if
 * every attempt failed and the only interface is a loopback that is down. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <ctype.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

static int allowed;

static void report(const char *what, int rc)
{
	if (rc == 0) {
		printf("%s ALLOWED\n", what);
		allowed++;
	} else {
		printf("%s denied errno=%s\n", what, strerrorname_np(errno));
	}
}

static int tcp(const char *ip, int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
	struct timeval tv = {.tv_sec = 3};
	int fd = socket(AF_INET, SOCK_STREAM, 0), rc;

	if (fd < 0)
		return -1;
	inet_pton(AF_INET, ip, &a.sin_addr);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	rc = connect(fd, (struct sockaddr *)&a, sizeof a);
	close(fd);
	return rc;
}

static int udp(const char *ip, int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	ssize_t n;

	if (fd < 0)
		return -1;
	inet_pton(AF_INET, ip, &a.sin_addr);
	n = sendto(fd, "x", 1, 0, (struct sockaddr *)&a, sizeof a);
	close(fd);
	return n == 1 ? 0 : -1;
}

static int unix_abstract(const char *name)
{
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_STREAM, 0), rc;
	size_t len = strlen(name);

	if (fd < 0)
		return -1;
	if (len > sizeof a.sun_path - 1)
		len = sizeof a.sun_path - 1;
	memcpy(a.sun_path + 1, name, len);
	rc = connect(fd, (struct sockaddr *)&a, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + len));
	close(fd);
	return rc;
}

static int lo_up(void)
{
	struct ifreq r = {0};
	int fd = socket(AF_INET, SOCK_DGRAM, 0), rc = -1;

	if (fd < 0)
		return -1;
	strcpy(r.ifr_name, "lo");
	if (ioctl(fd, SIOCGIFFLAGS, &r) == 0) {
		r.ifr_flags |= IFF_UP;
		rc = ioctl(fd, SIOCSIFFLAGS, &r);
	}
	close(fd);
	return rc;
}

#define MAX_IF 64

/* Interface names of this network namespace, from /proc/net/dev. */
static int proc_net_dev(char names[][IFNAMSIZ])
{
	char line[512];
	int n = 0;
	FILE *f = fopen("/proc/net/dev", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f) && n < MAX_IF) {
		char *colon = strchr(line, ':'), *s = line;
		if (!colon || strchr(line, '|'))
			continue; /* the two header lines */
		*colon = 0;
		while (isspace((unsigned char)*s))
			s++;
		snprintf(names[n++], IFNAMSIZ, "%.15s", s);
	}
	fclose(f);
	return n;
}

static int if_flags(const char *name)
{
	struct ifreq r = {0};
	int fd = socket(AF_INET, SOCK_DGRAM, 0), rc;

	if (fd < 0)
		return -1;
	snprintf(r.ifr_name, sizeof r.ifr_name, "%.15s", name);
	rc = ioctl(fd, SIOCGIFFLAGS, &r);
	close(fd);
	return rc < 0 ? -1 : r.ifr_flags;
}

int main(int argc, char **argv)
{
	int port = argc > 1 ? atoi(argv[1]) : 80, bad_iface = 0, seen_lo = 0, nif;
	char names[MAX_IF][IFNAMSIZ];
	char what[160];
	struct ifaddrs *ifs, *i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	report("lo_up", lo_up());
	snprintf(what, sizeof what, "tcp 127.0.0.1:%d", port);
	report(what, tcp("127.0.0.1", port));
	report("tcp 1.1.1.1:53", tcp("1.1.1.1", 53));
	snprintf(what, sizeof what, "udp 127.0.0.1:%d", port);
	report(what, udp("127.0.0.1", port));
	report("udp 1.1.1.1:53", udp("1.1.1.1", 53));
	if (argc > 2) {
		snprintf(what, sizeof what, "unix @%s", argv[2]);
		report(what, unix_abstract(argv[2]));
	}

	nif = proc_net_dev(names);
	if (nif < 0) {
		printf("/proc/net/dev unreadable errno=%s; trying getifaddrs\n", strerrorname_np(errno));
		if (getifaddrs(&ifs) != 0) {
			printf("getifaddrs failed errno=%s: cannot list interfaces\n", strerrorname_np(errno));
			return 1;
		}
		nif = 0;
		for (i = ifs; i && nif < MAX_IF; i = i->ifa_next) {
			int dup = 0;
			for (int j = 0; j < nif; j++)
				dup |= strcmp(names[j], i->ifa_name) == 0;
			if (!dup)
				snprintf(names[nif++], IFNAMSIZ, "%s", i->ifa_name);
		}
		freeifaddrs(ifs);
	}
	for (int k = 0; k < nif; k++) {
		int flags = if_flags(names[k]);
		if (flags < 0) {
			printf("iface %s flags unknown errno=%s\n", names[k], strerrorname_np(errno));
			bad_iface++;
			continue;
		}
		printf("iface %s %s\n", names[k], flags & IFF_UP ? "up" : "down");
		if (flags & IFF_LOOPBACK)
			seen_lo = 1;
		if (!(flags & IFF_LOOPBACK) || (flags & IFF_UP))
			bad_iface++;
	}
	if (allowed || bad_iface) {
		printf("FAIL: %d attempts allowed, %d bad interfaces\n", allowed, bad_iface);
		return 1;
	}
	printf("denied%s\n", seen_lo ? "" : " (no loopback at all)");
	return 0;
}
