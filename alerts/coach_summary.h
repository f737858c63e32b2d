// The weekly summary mail for a coach: what each client received this week, and who
// received nothing (so the coach can act). Names and counts only, no health data.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace passend {

struct ClientWeek {
  std::string candidate_id, name;
  bool alerts_enabled = true;
  std::optional<AlertRecord> alert;  // this week's alert, if any
};

struct CoachSummary {
  Coach coach;
  std::string week;
  std::vector<ClientWeek> clients;
};

// One line in Dutch for a client's week.
std::string ClientWeekLine(const ClientWeek& c);

// The whole mail (RFC 5322, multipart/alternative).
std::string RenderCoachSummary(const CoachSummary& s, const std::string& from, const std::string& date,
                               const std::string& message_id);

}  // namespace passend
