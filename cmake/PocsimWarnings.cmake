# SPDX-License-Identifier: Apache-2.0
# Warnings every pocsim target compiles with; the tree is kept free of them.
add_library(pocsim_warnings INTERFACE)
target_compile_options(pocsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
