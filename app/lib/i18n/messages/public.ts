import { defineMessages } from "../define";

export const publicPages = defineMessages(
  {
    "home.intro": "Buurtkracht verbindt bewoners, gemeenten en partners. Bewoners vanaf 14 jaar leren activiteiten organiseren in hun eigen buurt en krijgen begeleiding in de praktijk.",
    "home.municipalities": "Deelnemende gemeenten",
    "municipality.welcome": "Buurtkracht in {name}",
  },
  {
    "home.intro": "Buurtkracht connects residents, municipalities and partners. Residents from 14 years old learn to organise activities in their own neighbourhood and are coached in practice.",
    "home.municipalities": "Participating municipalities",
    "municipality.welcome": "Buurtkracht in {name}",
  },
);
