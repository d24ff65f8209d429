# SPDX-License-Identifier: Apache-2.0
# POCSIM_SANITIZE builds everything with ASan and UBSan; CI runs the suite once
# this way. UBSan findings abort so that a test cannot pass over one.
if(POCSIM_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
