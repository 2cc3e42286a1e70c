/* compile_languages: every language compiles a correct program to AC and a
 * broken one to CE with the compiler's message, inside the sandbox; hostile
 * sources end as CE, and build directories are removed. Prints TAP lines. */
#include "compile.h"
#include "sandbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct {
	const char *what, *file, *source;
	enum verdict want;
	const char *in_output; /* must appear in the compiler's messages */
} cases[] = {
	{ "C compiles", "ok.c", "#include <stdio.h>\nint main(void){puts(\"hi\");return 0;}\n", VERDICT_AC, "" },
	{ "C++ compiles", "ok.cpp", "#include <iostream>\nint main(){std::cout<<\"hi\\n\";}\n", VERDICT_AC, "" },
	{ "Python 3 byte-compiles", "ok.py", "print('hi')\n", VERDICT_AC, "" },
	{ "Java compiles", "Hello.java", "public class Hello{public static void main(String[] a){System.out.println(\"hi\");}}\n",
	  VERDICT_AC, "" },
	{ "C error is CE with the message", "bad.c", "int main(void){return x;}\n", VERDICT_CE, "undeclared" },
	{ "C++ error is CE", "bad.cpp", "int main(){ return nope; }\n", VERDICT_CE, "nope" },
	{ "Python syntax error is CE", "bad.py", "def f(:\n", VERDICT_CE, "SyntaxError" },
	{ "Java error is CE", "Bad.java", "public class Bad{ int x = ; }\n", VERDICT_CE, "error" },
	{ "#include \"/dev/urandom\" is CE, not a hung judge", "rand.c", "#include \"/dev/urandom\"\n", VERDICT_CE, "" },
	{ "a host file is not there to include", "shadow.c", "#include \"/etc/shadow\"\nint main(void){return 0;}\n",
	  VERDICT_CE, "No such file" },
};

int main(void)
{
	char err[256], dir[] = "/tmp/verdict-compile-XXXXXX";
	if (sandbox_init(err, sizeof err) < 0 || !mkdtemp(dir)) {
		printf("not ok - compile_languages: cannot start: %s\n", err);
		return 1;
	}
	chmod(dir, 0755);
	int failed = 0;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char src[128];
		snprintf(src, sizeof src, "%s/%s", dir, cases[i].file);
		FILE *f = fopen(src, "w");
		fputs(cases[i].source, f);
		fclose(f);
		struct build b;
		const struct language *lang = language_for_file(cases[i].file);
		int rc = compile_submission(&b, lang, src, cases[i].file, dir, err, sizeof err);
		int ok = rc == 0 && b.verdict == cases[i].want && strstr(b.output, cases[i].in_output);
		printf("%s - %s (%s in %ld ms)\n", ok ? "ok" : "not ok", cases[i].what,
		       rc == 0 ? verdict_name(b.verdict) : err, rc == 0 ? b.wall_ms : 0L);
		if (!ok && rc == 0)
			printf("# compiler said: %.400s\n", b.output);
		failed |= !ok;
		struct stat st;
		char built[PATH_MAX];
		snprintf(built, sizeof built, "%s", b.dir);
		if (rc == 0) {
			build_remove(&b);
			if (stat(built, &st) == 0) {
				printf("not ok - %s: build directory %s left behind\n", cases[i].what, built);
				failed = 1;
			}
		}
		unlink(src);
	}
	struct build b;
	int rc = compile_submission(&b, language_by_id("java"), "/dev/null", "not a class.java", dir, err, sizeof err);
	printf("%s - a Java file not named like a class is refused (%s)\n", rc < 0 ? "ok" : "not ok", rc < 0 ? err : "accepted");
	failed |= rc == 0;
	rmdir(dir);
	return failed;
}
