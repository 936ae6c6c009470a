//! Form handling shared by every form: errors keyed by field, each a
//! Fluent message id shown next to the field that caused it.

#[derive(Default, Debug)]
pub struct FieldErrors(Vec<(String, &'static str)>);

impl FieldErrors {
    pub fn add(&mut self, field: impl Into<String>, message: &'static str) {
        let field = field.into();
        if self.get(&field).is_none() {
            self.0.push((field, message));
        }
    }

    /// The message id of the error at `field`, if any.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| *m)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Fields in error, in the order they were found (for the summary).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &'static str)> + '_ {
        self.0.iter().map(|(f, m)| (f.as_str(), *m))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}
