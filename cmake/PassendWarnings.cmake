# One interface target carries the project's warning and sanitizer flags, so every
# library and test links it instead of touching global flags.
add_library(passend_build_flags INTERFACE)
add_library(passend::build_flags ALIAS passend_build_flags)
target_compile_options(passend_build_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wconversion -Wno-sign-conversion)
# GCC 12 reports -Wrestrict false positives inside std::string operator+ at -O2
# (GCC bug 105329); the warning stays on for other compilers.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(passend_build_flags INTERFACE -Wno-restrict)
endif()
if(PASSEND_WERROR)
  target_compile_options(passend_build_flags INTERFACE -Werror)
endif()
if(PASSEND_SANITIZE)
  target_compile_options(passend_build_flags INTERFACE -fsanitize=address,undefined
                         -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(passend_build_flags INTERFACE -fsanitize=address,undefined)
endif()

# Declares a component library: passend_add_library(name SOURCES ... DEPS ...)
function(passend_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(passend_${name} STATIC ${ARG_SOURCES})
  add_library(passend::${name} ALIAS passend_${name})
  target_include_directories(passend_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(passend_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE passend::build_flags
                        ${ARG_PRIVATE_DEPS})
endfunction()
