# Unexpected argument with several close names
({ abc, abd ? 1 }: abc) { abc = 1; abe = 2; }
