import { defineMessages } from "../define";

export const publicPages = defineMessages(
  {
    "home.intro": "Buurtkracht verbindt bewoners, gemeenten en partners. Bewoners vanaf 14 jaar leren activiteiten organiseren in hun eigen buurt en krijgen begeleiding in de praktijk.",
    "home.municipalities": "Deelnemende gemeenten",
    "municipality.welcome": "Buurtkracht in {name}",
    "municipality.neighbourhoodsIntro": "Kies je wijk om de activiteiten daar te zien.",
    "home.meta.description": "Activiteiten in je buurt, georganiseerd door bewoners: sport, cultuur en ontmoeting in de gemeenten van Buurtkracht. Bewoners vanaf 14 jaar leren zelf activiteiten organiseren.",
    "municipality.meta.description": "Buurtkracht in {name}: activiteiten in je buurt, de wijken en de partnerorganisaties die meedoen.",
    "calendar.meta.network": "Komende activiteiten in alle gemeenten van Buurtkracht: sport, cultuur en ontmoeting in de buurt, georganiseerd door bewoners.",
    "calendar.meta.municipality": "Komende activiteiten in {name}: sport, cultuur en ontmoeting in de buurt, georganiseerd door bewoners. Zoek op wijk, soort, datum of leeftijd.",
    "embed.meta.description": "De komende activiteiten van Buurtkracht in {name}, om op je eigen website te tonen.",
  },
  {
    "home.intro": "Buurtkracht connects residents, municipalities and partners. Residents from 14 years old learn to organise activities in their own neighbourhood and are coached in practice.",
    "home.municipalities": "Participating municipalities",
    "municipality.welcome": "Buurtkracht in {name}",
    "municipality.neighbourhoodsIntro": "Choose your neighbourhood to see the activities there.",
    "home.meta.description": "Activities in your neighbourhood, organised by residents: sport, culture and meeting others in the municipalities of Buurtkracht. Residents from 14 years old learn to organise activities themselves.",
    "municipality.meta.description": "Buurtkracht in {name}: activities in your neighbourhood, its neighbourhoods and the partner organisations taking part.",
    "calendar.meta.network": "Upcoming activities in every municipality of Buurtkracht: sport, culture and meeting others in the neighbourhood, organised by residents.",
    "calendar.meta.municipality": "Upcoming activities in {name}: sport, culture and meeting others in the neighbourhood, organised by residents. Search by neighbourhood, kind, date or age.",
    "embed.meta.description": "Upcoming Buurtkracht activities in {name}, to show on your own website.",
  },
);
