/** The Member State form's flat fields as the domain's input. */
export function memberStateFormInput(body: Record<string, unknown>) {
  return { iso3: body.iso3, names: { en: body.name_en, fr: body.name_fr, es: body.name_es }, status: body.status };
}
