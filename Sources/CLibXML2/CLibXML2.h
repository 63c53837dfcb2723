// libxml2 is built with ICU on Debian; its <unicode/*.h> headers clash with the ICU copy that
// Foundation ships (_FoundationICU) as soon as one Swift file imports both. Nothing here uses
// libxml2's ICU converters, so the headers are read without them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
