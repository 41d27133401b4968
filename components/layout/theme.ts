// The theme a reader chose, as kept in a cookie.
export const THEME_COOKIE = "theme";
export type Theme = "system" | "light" | "dark";

export function themeOf(cookie: string | undefined): Theme {
  return cookie === "light" || cookie === "dark" ? cookie : "system";
}
