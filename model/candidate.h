// CandidateProfile: a person in track 2, with their FML limitations. Health data
// (AVG art. 9): never logged, never put in mails.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace passend {

// A candidate's limitation on one FML item.
struct FmlLimit {
  std::vector<int> levels;  // graded items: exactly one; code items: one or more codes
  std::string note;         // the doctor's free text, if any

  int MaxLevel() const;
  bool HasCode(int code) const;
};

struct Maatmanloon {
  double amount = 0;
  std::string period = "maand";  // "uur", "week", "maand", "jaar"
  double hours_per_week = 0;

  // Gross euros per hour.
  double Hourly() const;
};

struct Home {
  std::string postcode;
  std::string place;
  std::optional<double> lat, lon;  // resolved from the gazetteer when not given
};

struct TravelLimit {
  std::optional<double> max_minutes;  // one way
  std::optional<double> max_km;       // one way, as the crow flies
  std::string mode = "auto";          // "auto", "ov", "fiets"
};

struct AlertPrefs {
  bool enabled = true;
  int max_per_mail = 10;
};

struct CandidateProfile {
  std::string id;
  std::string name;
  std::string email;
  std::map<std::string, FmlLimit> fml;  // FML key → limitation; absent = normaal
  std::vector<std::string> competences;
  std::vector<std::string> target_occupations;
  Maatmanloon maatmanloon;
  double wage_floor_ratio = 0.65;
  Home home;
  TravelLimit travel;
  std::optional<double> hours_available;  // per week
  std::string education;
  bool requires_structural = false;
  AlertPrefs alerts;
};

}  // namespace passend
