# Path plus path concatenates
/a + /b
