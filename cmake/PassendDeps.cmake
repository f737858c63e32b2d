# Third-party libraries, all from Debian 12 packages (see scripts/install-deps.sh).
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(xapian REQUIRED)
find_package(CURL REQUIRED)
find_package(pugixml REQUIRED)
find_package(RapidJSON REQUIRED)
find_package(SQLite3 REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)

# RapidJSON's package config exports only variables; wrap it in a target.
add_library(passend_rapidjson INTERFACE)
target_include_directories(passend_rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIRS})
add_library(passend::rapidjson ALIAS passend_rapidjson)

add_library(passend_xapian INTERFACE)
target_include_directories(passend_xapian SYSTEM INTERFACE ${XAPIAN_INCLUDE_DIR})
target_link_libraries(passend_xapian INTERFACE ${XAPIAN_LIBRARIES})
add_library(passend::xapian ALIAS passend_xapian)
