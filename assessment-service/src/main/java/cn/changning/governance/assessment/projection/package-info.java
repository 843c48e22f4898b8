/** Read models of the assessment: indicators, resident evaluation, ratings and score sheets, written from the topics. */
package cn.changning.governance.assessment.projection;
