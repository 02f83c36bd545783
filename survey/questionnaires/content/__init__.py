"""The questionnaire document as data: its sections and questions, reading it from plain data with every problem
named by place, the checks publishing needs, and the question-type registry."""
