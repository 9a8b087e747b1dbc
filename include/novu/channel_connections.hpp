// Forwarder kept for code written against 0.1: the whole library, as novu/novu.hpp.
// SPDX-License-Identifier: MIT
#pragma once

#include "novu/novu.hpp"
