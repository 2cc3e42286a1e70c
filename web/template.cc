// template.cc - HTML from Google ctemplate, through a small C API (template.h).
// The only C++ in Verdict: every function catches everything and returns an
// error code, so no exception crosses into C.
#include <ctemplate/template.h>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

extern "C" {
#include "template.h"
}

struct tpl_dict {
	ctemplate::TemplateDictionary *dict;
	bool owned;                      // the root: owns dict and, through it, the sections
	std::vector<tpl_dict *> children; // section wrappers, freed with their parent
};

static void free_children(tpl_dict *d)
{
	for (tpl_dict *c : d->children) {
		free_children(c);
		delete c;
	}
	d->children.clear();
}

static std::string root = "web/templates";
static std::set<std::string> registered; // names given by tpl_register, filled before threads start

extern "C" int tpl_register(const char *name, const char *text, size_t len)
{
	try {
		if (!ctemplate::StringToTemplateCache(name, ctemplate::TemplateString(text, len), ctemplate::DO_NOT_STRIP))
			return -1;
		registered.insert(name);
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" void tpl_set_root(const char *dir)
{
	try {
		root = dir;
	} catch (...) {
	}
}

extern "C" struct tpl_dict *tpl_dict_new(void)
{
	try {
		return new tpl_dict{ new ctemplate::TemplateDictionary("page"), true, {} };
	} catch (...) {
		return nullptr;
	}
}

extern "C" void tpl_dict_free(struct tpl_dict *d)
{
	if (!d || !d->owned)
		return;
	free_children(d);
	delete d->dict; // owns its section dictionaries
	delete d;
}

extern "C" int tpl_set(struct tpl_dict *d, const char *key, const char *value)
{
	try {
		d->dict->SetValue(key, value ? value : "");
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" int tpl_set_int(struct tpl_dict *d, const char *key, long long value)
{
	try {
		d->dict->SetValue(key, std::to_string(value));
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" struct tpl_dict *tpl_add_section(struct tpl_dict *d, const char *section)
{
	try {
		ctemplate::TemplateDictionary *child = d->dict->AddSectionDictionary(section);
		tpl_dict *wrapper = new tpl_dict{ child, false, {} };
		d->children.push_back(wrapper); // freed with the root
		return wrapper;
	} catch (...) {
		return nullptr;
	}
}

extern "C" struct tpl_dict *tpl_include(struct tpl_dict *d, const char *marker, const char *name)
{
	try {
		ctemplate::TemplateDictionary *child = d->dict->AddIncludeDictionary(marker);
		child->SetFilename(registered.count(name) ? std::string(name) : root + "/" + name);
		tpl_dict *wrapper = new tpl_dict{ child, false, {} };
		d->children.push_back(wrapper);
		return wrapper;
	} catch (...) {
		return nullptr;
	}
}

extern "C" int tpl_show_section(struct tpl_dict *d, const char *section)
{
	try {
		d->dict->ShowSection(section);
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" int tpl_expand(const char *name, struct tpl_dict *d, char **out, size_t *len)
{
	try {
		std::string result;
		// Names come from our code, but a path must still stay under the
		// root; and a missing file is reported here, quietly, because
		// ctemplate would print its own warning to stderr.
		if (!name || !*name || name[0] == '/' || std::strstr(name, ".."))
			return -1;
		std::string path = registered.count(name) ? std::string(name) : root + "/" + name;
		if (!registered.count(name) && access(path.c_str(), R_OK) != 0)
			return -1;
		if (!ctemplate::ExpandTemplate(path, ctemplate::DO_NOT_STRIP, d->dict, &result))
			return -1;
		char *buf = static_cast<char *>(std::malloc(result.size() + 1));
		if (!buf)
			return -1;
		std::memcpy(buf, result.c_str(), result.size() + 1);
		*out = buf;
		*len = result.size();
		return 0;
	} catch (...) {
		return -1;
	}
}
